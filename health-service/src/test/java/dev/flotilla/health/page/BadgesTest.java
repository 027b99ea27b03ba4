package dev.flotilla.health.page;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a badge says and how wide it is. */
class BadgesTest {

    private static PageContent.Component component(PageContent.State state, Integer latencyMs, long checks, long failures) {
        return new PageContent.Component(UUID.randomUUID(), "api", null, state, Instant.EPOCH, Instant.EPOCH, latencyMs,
                Instant.EPOCH, List.of(new PageContent.Day(LocalDate.EPOCH, checks, failures)));
    }

    @Test
    void aStatusBadgeNamesTheStateInItsColour() {
        String badge = Badges.of(Badges.Kind.STATUS, component(PageContent.State.DOWN, 10, 1, 1));
        assertTrue(badge.contains("aria-label=\"status: down\""), badge);
        assertTrue(badge.contains("fill=\"#e05d44\""), badge);
    }

    @Test
    void uptimeIsRoundedDownSoThatAFailureNeverShowsAsAHundredPercent() {
        String badge = Badges.of(Badges.Kind.UPTIME, component(PageContent.State.UP, 10, 100_000, 1));
        assertTrue(badge.contains("uptime: 99.99%"), badge);
    }

    @Test
    void aComponentWithoutChecksHasAnUnknownUptime() {
        assertTrue(Badges.of(Badges.Kind.UPTIME, component(PageContent.State.UNKNOWN, null, 0, 0)).contains("uptime: unknown"));
        assertTrue(Badges.of(Badges.Kind.RESPONSE_TIME, component(PageContent.State.UNKNOWN, null, 0, 0))
                .contains("response time: unknown"));
    }

    @Test
    void textIsEscapedAndWiderTextMakesAWiderBadge() {
        String badge = Badges.svg("a<b", "x&y", "#4c1");
        assertTrue(badge.contains("a&lt;b") && badge.contains("x&amp;y"), badge);
        assertTrue(Badges.width("maintenance") > Badges.width("up"));
    }

    @Test
    void kindsAreNamedAsInTheirPaths() {
        assertEquals(Badges.Kind.RESPONSE_TIME, Badges.Kind.of("response-time"));
        assertEquals(null, Badges.Kind.of("RESPONSE_TIME"));
    }
}
