package dev.flotilla.notification.delivery;

import dev.flotilla.notification.AuthPeer;
import dev.flotilla.notification.DeliveryTestClock;
import dev.flotilla.notification.MailServer;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An e-mail held for quiet hours has not been attempted: the retry schedule after it starts where it would have. */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
class HeldAttemptScheduleTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The schedule's delay after a first failed attempt, and its jitter. */
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final double JITTER = 0.1;
    /** The time between an attempt's end and its recording, within which a delay is counted from. */
    private static final Duration RECORDING = Duration.ofSeconds(1);

    @Inject
    AuthPeer auth;

    @Inject
    DeliveryTestClock clock;

    private final UUID tenant = UUID.randomUUID();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private JsonPath emailDelivery(String event) {
        return Requests.as("task-service", tenant, "service").get("/api/v1/events/" + event).then().statusCode(200)
                .extract().jsonPath().setRootPath("deliveries.find { it.channel == 'email' }");
    }

    private JsonPath recordedAttempt(String event, int attempt) {
        JsonPath[] delivery = new JsonPath[1];
        await().atMost(WAIT).until(() -> {
            delivery[0] = emailDelivery(event);
            return delivery[0].getInt("attempts") >= attempt
                    && delivery[0].get("attemptLog[" + (attempt - 1) + "].durationMs") != null;
        });
        return delivery[0];
    }

    @Test
    void aFailureAfterAHoldIsRetriedAfterTheFirstDelayOfTheSchedule() {
        UUID owl = UUID.randomUUID();
        // An address the mailer cannot send to: every attempt at sending fails, and is retried.
        auth.knows(tenant, owl, "not an address", "active");
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
        Instant now = clock.instant();
        Instant quietEnd = now.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        Requests.as(owl.toString(), tenant, "member")
                .body(Map.of("timeZone", "UTC", "quietHours",
                        Map.of("start", hhmm.format(now.minus(Duration.ofHours(1))), "end", hhmm.format(quietEnd))))
                .put("/api/v1/preferences/settings").then().statusCode(200);
        String event = Responses.created(Requests.as("task-service", tenant, "service")
                .body(Map.of("type", "task.failed", "recipients", List.of(Map.of("userId", owl.toString())),
                        "data", Map.of("taskId", "t-9")))
                .post("/api/v1/events").then());

        JsonPath held = recordedAttempt(event, 1);
        assertEquals("PENDING", held.getString("status"));
        assertEquals(quietEnd, Instant.parse(held.getString("nextAttemptAt")));

        clock.set(quietEnd.plusSeconds(1));
        JsonPath failed = recordedAttempt(event, 2);
        assertEquals("PENDING", failed.getString("status"));
        assertTrue(failed.getString("lastError").contains("address is invalid"), failed.getString("lastError"));
        Instant ended = Instant.parse(failed.getString("attemptLog[1].startedAt"))
                .plusMillis(failed.getInt("attemptLog[1].durationMs"));
        Duration delay = Duration.between(ended, Instant.parse(failed.getString("nextAttemptAt")));
        assertTrue(delay.compareTo(scaled(FIRST_RETRY, 1 - JITTER)) >= 0
                && delay.compareTo(scaled(FIRST_RETRY, 1 + JITTER).plus(RECORDING)) <= 0,
                "the first failure is retried " + delay + " after it, for " + FIRST_RETRY + " ± 10%");
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofMillis(Math.round(duration.toMillis() * factor));
    }
}
