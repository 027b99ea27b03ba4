package dev.flotilla.notification.preference;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreferenceRulesTest {

    /** 23:30 in Paris in winter, inside 22:00–07:00. */
    private static final Instant NIGHT = Instant.parse("2026-01-15T22:30:00Z");
    private static final Instant NOON = Instant.parse("2026-01-15T11:00:00Z");
    private static final UserSettings QUIET_AT_NIGHT = new UserSettings("Europe/Paris", "fr-FR",
            new QuietHours(ZoneId.of("Europe/Paris"), LocalTime.of(22, 0), LocalTime.of(7, 0)));

    @Test
    void withoutAChoiceEveryTypeIsOn() {
        assertTrue(PreferenceRules.enabled(Map.of(), "task.failed"));
        assertNull(PreferenceRules.decidingPattern(Map.of(), "task.failed"));
    }

    @Test
    void theMostSpecificPatternThatSelectsTheTypeDecides() {
        Map<String, Boolean> choices = Map.of("*", false, "task.*", true, "task.run.failed", false);
        assertFalse(PreferenceRules.enabled(choices, "task.run.failed"));
        assertTrue(PreferenceRules.enabled(choices, "task.run.succeeded"));
        assertTrue(PreferenceRules.enabled(choices, "task.failed"));
        assertFalse(PreferenceRules.enabled(choices, "workflow.completed"));
        assertEquals("task.*", PreferenceRules.decidingPattern(choices, "task.run.succeeded"));
    }

    @Test
    void aLongerPrefixWildcardBeatsAShorterOne() {
        Map<String, Boolean> choices = Map.of("task.*", false, "task.run.*", true);
        assertTrue(PreferenceRules.enabled(choices, "task.run.failed"));
        assertFalse(PreferenceRules.enabled(choices, "task.failed"));
    }

    @Test
    void aPatternThatDoesNotSelectTheTypeHasNoSay() {
        Map<String, Boolean> choices = Map.of("tasks.*", false, "task.failed.twice", false);
        assertTrue(PreferenceRules.enabled(choices, "task.failed"));
    }

    @Test
    void aChannelTurnedOffSkipsTheNotificationNamingThePattern() {
        Decision decision = PreferenceRules.decide(Map.of("task.*", false), UserSettings.NONE, "task.failed", Channels.EMAIL,
                false, NOON);
        assertEquals(Decision.Outcome.SKIP, decision.outcome());
        assertEquals("the recipient turned email off for task.*", decision.reason());
    }

    @Test
    void aCriticalEventBypassesPreferencesAndQuietHours() {
        Decision decision = PreferenceRules.decide(Map.of("*", false), QUIET_AT_NIGHT, "task.dead", Channels.EMAIL, true,
                NIGHT);
        assertEquals(Decision.Outcome.SEND, decision.outcome());
        assertEquals("fr-FR", decision.locale());
    }

    @Test
    void quietHoursHoldEmailUntilTheyEnd() {
        Decision decision = PreferenceRules.decide(Map.of(), QUIET_AT_NIGHT, "task.failed", Channels.EMAIL, false, NIGHT);
        assertEquals(Decision.Outcome.HOLD, decision.outcome());
        assertEquals(Instant.parse("2026-01-16T06:00:00Z"), decision.heldUntil());
    }

    @Test
    void quietHoursDoNotHoldTheInboxOrWebhooks() {
        assertTrue(PreferenceRules.decide(Map.of(), QUIET_AT_NIGHT, "task.failed", Channels.INBOX, false, NIGHT).sendsNow());
        assertTrue(PreferenceRules.decide(Map.of(), QUIET_AT_NIGHT, "task.failed", Channels.WEBHOOK, false, NIGHT).sendsNow());
    }

    @Test
    void outsideQuietHoursEmailGoesAtOnce() {
        assertTrue(PreferenceRules.decide(Map.of(), QUIET_AT_NIGHT, "task.failed", Channels.EMAIL, false, NOON).sendsNow());
    }

    @Test
    void aChannelTurnedOffIsSkippedEvenDuringQuietHours() {
        Decision decision = PreferenceRules.decide(Map.of("task.failed", false), QUIET_AT_NIGHT, "task.failed",
                Channels.EMAIL, false, NIGHT);
        assertEquals(Decision.Outcome.SKIP, decision.outcome());
    }
}
