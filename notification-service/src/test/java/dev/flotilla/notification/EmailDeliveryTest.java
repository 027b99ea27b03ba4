package dev.flotilla.notification;

import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** E-mail deliveries, sent to a real SMTP server (GreenMail) with addresses from auth-service's contacts. */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
class EmailDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AuthPeer auth;

    private final UUID tenant = UUID.randomUUID();

    private UUID user(String email, String status) {
        UUID user = UUID.randomUUID();
        auth.knows(tenant, user, email, status);
        return user;
    }

    private String publish(String type, Map<String, String> recipient, boolean critical) {
        return Responses.created(Requests.as("task-service", tenant, "service")
                .body(Map.of("type", type, "subject", "Task \"resize\" failed", "recipients", List.of(recipient),
                        "data", Map.of("taskId", "t-7"), "critical", critical))
                .post("/api/v1/events").then());
    }

    private JsonPath emailDelivery(String event) {
        return Requests.as("task-service", tenant, "service").get("/api/v1/events/" + event).then().statusCode(200)
                .extract().jsonPath().setRootPath("deliveries.find { it.channel == 'email' }");
    }

    @Test
    void aUserGetsTheEmailAtTheAddressAuthServiceKnowsWithAOneClickUnsubscribeLink() throws Exception {
        String address = "ada-" + UUID.randomUUID() + "@example.com";
        UUID ada = user(address, "active");
        publish("task.failed", Map.of("userId", ada.toString()), false);

        await().atMost(WAIT).until(() -> MailServer.receivedBy(address).size() == 1);
        MimeMessage mail = MailServer.receivedBy(address).get(0);
        assertTrue(mail.getSubject().contains("resize"), mail.getSubject());
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
        String link = mail.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");

        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post(URI.create(link).getPath()).then().statusCode(200);
        String second = publish("task.failed", Map.of("userId", ada.toString()), false);
        await().atMost(WAIT).until(() -> "SKIPPED".equals(emailDelivery(second).getString("status"))
                || emailDelivery(second).get() == null);
        assertEquals(1, MailServer.receivedBy(address).size(), "no e-mail after unsubscribing");
    }

    @Test
    void anAddressNamedByThePublisherGetsTheEmailWithoutAnUnsubscribeLink() throws Exception {
        String address = "ops-" + UUID.randomUUID() + "@example.com";
        publish("task.dead", Map.of("email", address), false);
        await().atMost(WAIT).until(() -> MailServer.receivedBy(address).size() == 1);
        assertNull(MailServer.receivedBy(address).get(0).getHeader("List-Unsubscribe"));
    }

    @Test
    void aUserWithoutAnAddressIsARecordedFailureThatIsNotRetried() {
        String event = publish("task.failed", Map.of("userId", UUID.randomUUID().toString()), false);
        await().atMost(WAIT).until(() -> "FAILED".equals(emailDelivery(event).getString("status")));
        assertEquals(1, emailDelivery(event).getInt("attempts"));
        assertTrue(emailDelivery(event).getString("lastError").contains("no e-mail address"));
    }

    @Test
    void aDisabledUserGetsNoEmail() {
        String address = "gone-" + UUID.randomUUID() + "@example.com";
        String event = publish("task.failed", Map.of("userId", user(address, "disabled").toString()), false);
        await().atMost(WAIT).until(() -> "FAILED".equals(emailDelivery(event).getString("status")));
        assertTrue(MailServer.receivedBy(address).isEmpty());
    }

    @Test
    void emailIsHeldDuringQuietHoursButACriticalEventIsSentAtOnce() {
        String address = "night-" + UUID.randomUUID() + "@example.com";
        UUID owl = user(address, "active");
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        Requests.as(owl.toString(), tenant, "member")
                .body(Map.of("timeZone", "UTC", "quietHours", Map.of("start", now.minusHours(1).format(hhmm),
                        "end", now.plusHours(2).format(hhmm))))
                .put("/api/v1/preferences/settings").then().statusCode(200);

        String held = publish("task.failed", Map.of("userId", owl.toString()), false);
        await().atMost(WAIT).until(() -> emailDelivery(held).getString("nextAttemptAt") != null
                && emailDelivery(held).getInt("attempts") >= 1);
        assertEquals("PENDING", emailDelivery(held).getString("status"));

        publish("task.dead", Map.of("userId", owl.toString()), true);
        await().atMost(WAIT).until(() -> MailServer.receivedBy(address).size() == 1);
    }
}
