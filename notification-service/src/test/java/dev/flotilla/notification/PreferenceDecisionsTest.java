package dev.flotilla.notification;

import dev.flotilla.notification.preference.Decision;
import dev.flotilla.notification.preference.Decisions;
import dev.flotilla.notification.preference.DeliveryDecisions;
import dev.flotilla.notification.preference.PreferenceService;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The decisions the fan-out and the e-mail worker ask for, over preferences and settings stored through the API. */
@QuarkusTest
class PreferenceDecisionsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** 23:30 in Paris in winter. */
    private static final Instant PARIS_NIGHT = Instant.parse("2026-01-15T22:30:00Z");

    @Inject
    DeliveryDecisions decisions;

    @Inject
    PreferenceService preferences;

    @Inject
    Pool pool;

    private final UUID tenant = UUID.randomUUID();

    private void turn(String user, String channel, String pattern, boolean enabled) {
        Requests.as(user, tenant, "member").body(Map.of("enabled", enabled))
                .put("/api/v1/preferences/" + channel + "/" + pattern).then().statusCode(200);
    }

    private void quietAtNight(String user) {
        Requests.as(user, tenant, "member")
                .body(Map.of("timeZone", "Europe/Paris", "locale", "fr", "quietHours",
                        Map.of("start", "22:00", "end", "07:00")))
                .put("/api/v1/preferences/settings").then().statusCode(200);
    }

    private Decisions decideAll(List<String> users, String type, boolean critical, Instant now) {
        return decisions.decideAll(pool, tenant, users, type, List.of("inbox", "email"), critical, now)
                .await().atMost(WAIT);
    }

    @Test
    void oneQueryDecidesForEveryRecipientAndChannel() {
        turn("ada", "email", "task.*", false);
        turn("grace", "inbox", "*", false);
        turn("grace", "inbox", "task.failed", true);
        quietAtNight("linus");

        Decisions decided = decideAll(List.of("ada", "grace", "linus", "nobody"), "task.failed", false, PARIS_NIGHT);

        assertEquals(Decision.Outcome.SKIP, decided.of("ada", "email").outcome());
        assertEquals(Decision.Outcome.SEND, decided.of("ada", "inbox").outcome());
        assertEquals(Decision.Outcome.SEND, decided.of("grace", "inbox").outcome());
        assertEquals(Decision.Outcome.HOLD, decided.of("linus", "email").outcome());
        assertEquals(Instant.parse("2026-01-16T06:00:00Z"), decided.of("linus", "email").heldUntil());
        assertEquals("fr", decided.of("linus", "email").locale());
        assertEquals(Decision.Outcome.SEND, decided.of("linus", "inbox").outcome());
        assertEquals(Decision.Outcome.SEND, decided.of("nobody", "email").outcome());
        assertEquals(Set.of("ada"), decided.skipped("email"));
    }

    @Test
    void aLessSpecificChoiceDecidesTypesTheSpecificOneDoesNotSelect() {
        turn("grace", "inbox", "*", false);
        turn("grace", "inbox", "task.failed", true);
        assertEquals(Set.of("grace"), decideAll(List.of("grace"), "workflow.completed", false, PARIS_NIGHT).skipped("inbox"));
    }

    @Test
    void aCriticalEventReachesEveryoneAtOnce() {
        turn("ada", "email", "*", false);
        quietAtNight("linus");
        Decisions decided = decideAll(List.of("ada", "linus"), "task.dead", true, PARIS_NIGHT);
        assertEquals(Decision.Outcome.SEND, decided.of("ada", "email").outcome());
        assertEquals(Decision.Outcome.SEND, decided.of("linus", "email").outcome());
        assertEquals("fr", decided.of("linus", "email").locale());
    }

    @Test
    void anotherTenantsChoicesDoNotCount() {
        Requests.as("ada", UUID.randomUUID(), "member").body(Map.of("enabled", false))
                .put("/api/v1/preferences/email/*").then().statusCode(200);
        assertEquals(Decision.Outcome.SEND,
                decisions.decide(tenant, "ada", "task.failed", "email", false, PARIS_NIGHT).await().atMost(WAIT).outcome());
    }

    @Test
    void theEmailWorkerLearnsUntilWhenToHold() {
        quietAtNight("linus");
        assertEquals(Instant.parse("2026-01-16T06:00:00Z"),
                decisions.heldUntil(tenant, "linus", PARIS_NIGHT).await().atMost(WAIT));
        assertNull(decisions.heldUntil(tenant, "linus", Instant.parse("2026-01-15T11:00:00Z")).await().atMost(WAIT));
        assertNull(decisions.heldUntil(tenant, "ada", PARIS_NIGHT).await().atMost(WAIT));
    }

    @Test
    void theOneClickUnsubscribeTurnsEmailOffForThatTypeAlone() {
        preferences.set(tenant, "ada", "email", "task.failed", false).await().atMost(WAIT);
        assertEquals(Decision.Outcome.SKIP,
                decisions.decide(tenant, "ada", "task.failed", "email", false, PARIS_NIGHT).await().atMost(WAIT).outcome());
        assertEquals(Decision.Outcome.SEND,
                decisions.decide(tenant, "ada", "task.succeeded", "email", false, PARIS_NIGHT).await().atMost(WAIT).outcome());
    }
}
