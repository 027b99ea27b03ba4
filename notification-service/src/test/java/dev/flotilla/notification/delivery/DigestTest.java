package dev.flotilla.notification.delivery;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.flotilla.common.db.Db;
import dev.flotilla.notification.AuthPeer;
import dev.flotilla.notification.DeliveryTestClock;
import dev.flotilla.notification.MailServer;
import dev.flotilla.notification.preference.DigestWindow;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Digests: a user's e-mail of the types a digest rule selects, collected per window and sent as one message when it
 * ends, to a real SMTP server (GreenMail), with the time driven by the service's clock.
 */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
class DigestTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Inject
    AuthPeer auth;

    @Inject
    DeliveryTestClock clock;

    @Inject
    Db db;

    @Inject
    DeliveryConfig config;

    private final UUID tenant = UUID.randomUUID();

    /** The window the tests publish in: a day ahead, so that nothing of the real time's windows is due with it. */
    private DigestWindow window;

    @BeforeEach
    void enterAWindow() {
        window = DigestWindow.of(null, "*", WINDOW, Instant.now().plus(Duration.ofDays(1)));
        clock.set(window.start().plusSeconds(30));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String rule(UUID tenant, String pattern) {
        return Responses.created(Requests.as("root", tenant, "admin")
                .body(Map.of("eventType", pattern, "window", WINDOW.toString())).post("/api/v1/digest-rules").then());
    }

    private String user(UUID tenant, String name) {
        String address = name + "-" + UUID.randomUUID() + "@example.com";
        UUID user = UUID.randomUUID();
        auth.knows(tenant, user, address, "active");
        return user + " " + address;
    }

    private static String id(String user) {
        return user.split(" ")[0];
    }

    private static String address(String user) {
        return user.split(" ")[1];
    }

    private String publish(UUID tenant, String type, String subject, String user, boolean critical) {
        return Responses.created(Requests.as("task-service", tenant, "service")
                .body(Map.of("type", type, "subject", subject, "recipients", List.of(Map.of("userId", id(user))),
                        "data", Map.of("taskId", "t-1"), "critical", critical))
                .post("/api/v1/events").then());
    }

    private JsonPath emailDelivery(UUID tenant, String event) {
        return Requests.as("task-service", tenant, "service").get("/api/v1/events/" + event).then().statusCode(200)
                .extract().jsonPath().setRootPath("deliveries.find { it.channel == 'email' }");
    }

    private boolean recorded(UUID tenant, String event, String status) {
        JsonPath delivery = emailDelivery(tenant, event);
        return status.equals(delivery.getString("status"));
    }

    private static List<MimeMessage> mailTo(String user) {
        return Arrays.stream(MailServer.greenMail().getReceivedMessages())
                .filter(message -> GreenMailUtil.getAddressList(recipients(message)).contains(address(user)))
                .toList();
    }

    private static jakarta.mail.Address[] recipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message's part of {@code type} ({@code text/plain}, {@code text/html}), with its lines ending in LF. */
    private static String part(Part message, String type) throws MessagingException, IOException {
        if (message.isMimeType(type)) {
            return ((String) message.getContent()).replace("\r\n", "\n");
        }
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = part(part, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The clock past the end of the window the test published in. */
    private void windowEnds() {
        clock.set(window.end().plusSeconds(1));
    }

    @Test
    void threeEventsOfOneWindowGoAsOneEmailListingThemWhenTheWindowEnds() throws Exception {
        rule(tenant, "task.*");
        String ada = user(tenant, "ada");
        List<String> events = List.of(publish(tenant, "task.failed", "resize failed", ada, false),
                publish(tenant, "task.succeeded", "backup done", ada, false),
                publish(tenant, "task.failed", "deploy failed", ada, false));
        for (String event : events) {
            JsonPath waiting = emailDelivery(tenant, event);
            assertEquals("PENDING", waiting.getString("status"));
            assertEquals(0, waiting.getInt("attempts"));
            assertEquals(window.end(), Instant.parse(waiting.getString("nextAttemptAt")), "due when the window ends");
        }

        windowEnds();
        await().atMost(WAIT).until(() -> events.stream().allMatch(event -> recorded(tenant, event, "SUCCEEDED")));
        List<MimeMessage> mail = mailTo(ada);
        assertEquals(1, mail.size(), "one e-mail for the window");
        assertEquals("Digest: 3 notifications", mail.get(0).getSubject());
        String text = part(mail.get(0), "text/plain");
        assertTrue(
                text.contains("- task.failed — resize failed\n- task.succeeded — backup done\n- task.failed — deploy failed"),
                text);
        assertTrue(part(mail.get(0), "text/html").contains("<li>task.succeeded — backup done</li>"));
        assertEquals("List-Unsubscribe=One-Click", mail.get(0).getHeader("List-Unsubscribe-Post")[0]);
        for (String event : events) {
            JsonPath sent = emailDelivery(tenant, event);
            assertEquals(1, sent.getInt("attempts"));
            assertEquals(1, sent.getList("attemptLog").size());
            assertTrue(sent.getString("attemptLog[0].responseExcerpt").contains("listing 3 events"),
                    sent.getString("attemptLog[0].responseExcerpt"));
        }
    }

    @Test
    void anEventAfterTheWindowGoesInTheNextDigest() throws Exception {
        rule(tenant, "task.*");
        String ada = user(tenant, "ada");
        String first = publish(tenant, "task.failed", "first", ada, false);
        windowEnds();
        await().atMost(WAIT).until(() -> recorded(tenant, first, "SUCCEEDED"));

        String second = publish(tenant, "task.failed", "second", ada, false);
        JsonPath waiting = emailDelivery(tenant, second);
        assertEquals("PENDING", waiting.getString("status"));
        assertEquals(window.end().plus(WINDOW), Instant.parse(waiting.getString("nextAttemptAt")));
        assertEquals(1, mailTo(ada).size());

        clock.set(window.end().plus(WINDOW).plusSeconds(1));
        await().atMost(WAIT).until(() -> recorded(tenant, second, "SUCCEEDED"));
        List<MimeMessage> mail = mailTo(ada);
        assertEquals(2, mail.size());
        assertEquals("Digest: 1 notification", mail.get(1).getSubject());
        assertTrue(part(mail.get(1), "text/plain").contains("second"));
        assertFalse(part(mail.get(1), "text/plain").contains("first"));
    }

    @Test
    void aCriticalEventIsSentAtOnceOutsideTheDigest() throws Exception {
        rule(tenant, "task.*");
        String ada = user(tenant, "ada");
        String collected = publish(tenant, "task.failed", "routine", ada, false);
        String critical = publish(tenant, "task.dead", "the cluster is down", ada, true);
        await().atMost(WAIT).until(() -> recorded(tenant, critical, "SUCCEEDED"));
        assertEquals(1, mailTo(ada).size());
        assertTrue(mailTo(ada).get(0).getSubject().contains("the cluster is down"));
        assertEquals("PENDING", emailDelivery(tenant, collected).getString("status"));
        assertEquals(0, emailDelivery(tenant, collected).getInt("attempts"));

        windowEnds();
        await().atMost(WAIT).until(() -> recorded(tenant, collected, "SUCCEEDED"));
        assertEquals(2, mailTo(ada).size());
        assertFalse(part(mailTo(ada).get(1), "text/plain").contains("cluster"));
    }

    @Test
    void aWindowOpenWhenItsRuleIsDeletedIsStillSent() throws Exception {
        String rule = rule(tenant, "task.*");
        String ada = user(tenant, "ada");
        String first = publish(tenant, "task.failed", "one", ada, false);
        String second = publish(tenant, "task.failed", "two", ada, false);
        Requests.as("root", tenant, "admin").delete("/api/v1/digest-rules/" + rule).then().statusCode(204);

        String after = publish(tenant, "task.failed", "three", ada, false);
        await().atMost(WAIT).until(() -> recorded(tenant, after, "SUCCEEDED"));
        assertEquals(1, mailTo(ada).size(), "with the rule gone, an event goes at once");

        windowEnds();
        await().atMost(WAIT).until(() -> recorded(tenant, first, "SUCCEEDED") && recorded(tenant, second, "SUCCEEDED"));
        List<MimeMessage> mail = mailTo(ada);
        assertEquals(2, mail.size());
        assertEquals("Digest: 2 notifications", mail.get(1).getSubject());
        assertFalse(part(mail.get(1), "text/plain").contains("three"));
    }

    @Test
    void aTenantsDigestHoldsOnlyItsOwnEventsAndAnotherTenantsRulesDoNotApply() throws Exception {
        UUID other = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        rule(tenant, "task.*");
        rule(other, "task.*");
        String ada = user(tenant, "ada");
        String bob = user(other, "bob");
        String eve = user(third, "eve");
        List<String> ours = List.of(publish(tenant, "task.failed", "ours-1", ada, false),
                publish(tenant, "task.failed", "ours-2", ada, false));
        String theirs = publish(other, "task.failed", "theirs-1", bob, false);
        String untouched = publish(third, "task.failed", "no rule here", eve, false);
        await().atMost(WAIT).until(() -> recorded(third, untouched, "SUCCEEDED"));
        assertEquals("PENDING", emailDelivery(other, theirs).getString("status"));

        windowEnds();
        await().atMost(WAIT).until(() -> recorded(other, theirs, "SUCCEEDED")
                && ours.stream().allMatch(event -> recorded(tenant, event, "SUCCEEDED")));
        String adas = part(mailTo(ada).get(0), "text/plain");
        assertTrue(adas.contains("ours-1") && adas.contains("ours-2") && !adas.contains("theirs"), adas);
        String bobs = part(mailTo(bob).get(0), "text/plain");
        assertTrue(bobs.contains("theirs-1") && !bobs.contains("ours"), bobs);
        assertEquals(1, mailTo(ada).size());
        assertEquals(1, mailTo(bob).size());
        assertEquals(1, mailTo(eve).size());
    }

    @Test
    void aDigestWhoseWindowEndsInQuietHoursIsHeldUntilTheyEnd() {
        rule(tenant, "task.*");
        String ada = user(tenant, "ada");
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
        Instant quietEnd = window.end().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        Requests.as(id(ada), tenant, "member")
                .body(Map.of("timeZone", "UTC", "quietHours",
                        Map.of("start", hhmm.format(window.end().minus(Duration.ofMinutes(5))), "end", hhmm.format(quietEnd))))
                .put("/api/v1/preferences/settings").then().statusCode(200);
        String event = publish(tenant, "task.failed", "at night", ada, false);

        windowEnds();
        await().atMost(WAIT).until(() -> emailDelivery(tenant, event).getInt("attempts") == 1
                && emailDelivery(tenant, event).get("attemptLog[0].durationMs") != null);
        JsonPath held = emailDelivery(tenant, event);
        assertEquals("PENDING", held.getString("status"));
        assertEquals(quietEnd, Instant.parse(held.getString("nextAttemptAt")));
        assertTrue(mailTo(ada).isEmpty());

        clock.set(quietEnd.plusSeconds(1));
        await().atMost(WAIT).until(() -> recorded(tenant, event, "SUCCEEDED"));
        assertEquals(1, mailTo(ada).size());
        assertEquals(2, emailDelivery(tenant, event).getInt("attempts"));
    }

    @Test
    void theUnsubscribeLinkOfADigestTurnsItsEventTypesOffForTheUser() {
        rule(tenant, "task.*");
        String ada = user(tenant, "ada");
        String event = publish(tenant, "task.failed", "one", ada, false);
        windowEnds();
        await().atMost(WAIT).until(() -> recorded(tenant, event, "SUCCEEDED"));
        String link = header(mailTo(ada).get(0), "List-Unsubscribe").replaceAll("[<>]", "");

        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post(URI.create(link).getPath()).then().statusCode(200);
        Requests.as(id(ada), tenant, "member").get("/api/v1/preferences").then().statusCode(200)
                .body("preferences.find { it.eventType == 'task.*' && it.channel == 'email' }.enabled",
                        is(false));
        String later = publish(tenant, "task.succeeded", "two", ada, false);
        assertNull(emailDelivery(tenant, later).get(), "no e-mail of the digest's types any more");
    }

    @Test
    void anEventTurnedOffAfterItWasCollectedIsLeftOutOfTheDigest() throws Exception {
        rule(tenant, "task.*");
        String ada = user(tenant, "ada");
        String kept = publish(tenant, "task.failed", "kept", ada, false);
        String dropped = publish(tenant, "task.succeeded", "dropped", ada, false);
        Requests.as(id(ada), tenant, "member").body(Map.of("enabled", false))
                .put("/api/v1/preferences/email/task.succeeded").then().statusCode(200);

        windowEnds();
        await().atMost(WAIT).until(() -> recorded(tenant, kept, "SUCCEEDED") && recorded(tenant, dropped, "SKIPPED"));
        String text = part(mailTo(ada).get(0), "text/plain");
        assertTrue(text.contains("kept") && !text.contains("dropped"), text);
    }

    @Test
    void aTenantsDigestTemplateAndTheReadersLanguageShapeTheEmail() throws Exception {
        rule(tenant, "task.*");
        String ada = user(tenant, "ada");
        String bob = user(tenant, "bob");
        Map<String, Object> template = new HashMap<>(Map.of("eventType", "task.*", "channel", "digest", "locale", "en",
                "subject", "{count} task events", "text", "{#for e in events}* {e.summary} ({e.type})\n{/for}"));
        Responses.created(Requests.as("root", tenant, "admin").body(template).post("/api/v1/templates").then());
        Requests.as(id(bob), tenant, "member").body(Map.of("locale", "fr-CA"))
                .put("/api/v1/preferences/settings").then().statusCode(200);
        String toAda = publish(tenant, "task.failed", "resize", ada, false);
        String toBob = publish(tenant, "task.failed", "resize", bob, false);

        windowEnds();
        await().atMost(WAIT).until(() -> recorded(tenant, toAda, "SUCCEEDED") && recorded(tenant, toBob, "SUCCEEDED"));
        MimeMessage adas = mailTo(ada).get(0);
        assertEquals("1 task events", adas.getSubject());
        assertEquals("* task.failed — resize (task.failed)", part(adas, "text/plain").strip());
        MimeMessage bobs = mailTo(bob).get(0);
        assertEquals("1 task events", bobs.getSubject(), "a French reader falls back to the tenant's English template");

        String french = Responses.created(Requests.as("root", tenant, "admin")
                .body(Map.of("eventType", "*", "channel", "digest", "locale", "fr", "subject", "Résumé de {count}",
                        "html", "<p>{count}</p>"))
                .post("/api/v1/templates").then());
        Requests.as("root", tenant, "admin").body(Map.of("eventType", "task.failed", "channel", "digest", "locale", "fr",
                "subject", "s")).post("/api/v1/templates").then().statusCode(400);
        Requests.as("root", tenant, "admin").body(Map.of("data", Map.of(), "subject", "x"))
                .post("/api/v1/templates/" + french + "/preview").then().statusCode(200)
                .body("rendered.subject", equalTo("Résumé de 1"));
    }

    @Test
    void theBuiltInDigestSpeaksTheReadersLanguageAndEscapesTheSummariesInHtml() {
        Requests.as("root", tenant, "admin")
                .body(Map.of("eventType", "task.failed", "channel", "digest", "locale", "de-AT", "subject", "<b>Build 7</b>"))
                .post("/api/v1/templates/render").then().statusCode(200)
                .body("subject", equalTo("Zusammenfassung: 1 Benachrichtigung"))
                .body("text", containsString("- task.failed — <b>Build 7</b>"))
                .body("html", containsString("<li>task.failed — &lt;b&gt;Build 7&lt;/b&gt;</li>"))
                .body("locale", equalTo("de"));
    }

    @Test
    void aClaimedDigestIsNeitherClaimedByAnotherWorkerNorLostWhenItsWorkerDies() {
        rule(tenant, "task.*");
        String ada = user(tenant, "ada");
        String event = publish(tenant, "task.failed", "lost?", ada, false);
        // A worker whose clock is past the window's end claims the digest (the service's clock is not there yet, so
        // the service's own workers leave it); while it holds it, another worker's claim passes it over.
        Instant due = window.end().plusSeconds(1);
        Instant leaseEnd = due.plus(config.lease());
        List<ClaimedDigest> meanwhile = db.tx(tx -> DigestSql.claim(tx, due, 1000, leaseEnd)
                .invoke(claimed -> assertTrue(claimed.stream().anyMatch(digest -> digest.user().equals(id(ada)))))
                .chain(() -> db.tx(other -> DigestSql.claim(other, due, 1000, leaseEnd))))
                .await().atMost(WAIT);
        assertTrue(meanwhile.stream().noneMatch(digest -> digest.user().equals(id(ada))), "a claimed digest is locked");
        // The worker dies without sending; until its lease ends, no other claims the digest.
        List<ClaimedDigest> leased = db.tx(tx -> DigestSql.claim(tx, due, 1000, leaseEnd)).await().atMost(WAIT);
        assertTrue(leased.stream().noneMatch(digest -> digest.user().equals(id(ada))), "a leased digest is not due");
        JsonPath waiting = emailDelivery(tenant, event);
        assertEquals("PENDING", waiting.getString("status"));
        assertEquals(1, waiting.getInt("attempts"));

        clock.set(leaseEnd.plusSeconds(1));
        await().atMost(WAIT).until(() -> recorded(tenant, event, "SUCCEEDED"));
        JsonPath delivered = emailDelivery(tenant, event);
        assertEquals(2, delivered.getInt("attempts"));
        assertTrue(delivered.getString("attemptLog[0].error").startsWith("no outcome was recorded"),
                delivered.getString("attemptLog[0].error"));
        assertEquals(1, mailTo(ada).size());
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name)[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
