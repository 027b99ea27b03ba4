package dev.flotilla.health.page;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The overall indicator a Statuspage client reads from the states of a page's components. */
class StatuspageTest {

    private static PageContent page(PageContent.State... states) {
        StatusPage page = new StatusPage(UUID.randomUUID(), "shop", "Shop", true, List.of(), false, Instant.EPOCH,
                Instant.EPOCH, 1);
        List<PageContent.Component> components = Arrays.stream(states)
                .map(state -> new PageContent.Component(UUID.randomUUID(), state.name(), null, state, Instant.EPOCH,
                        Instant.EPOCH, 1, Instant.EPOCH, List.of()))
                .toList();
        return new PageContent(page, Instant.EPOCH, components, List.of(), List.of());
    }

    private static String indicator(PageContent content) {
        return (String) Statuspage.indicator(content).get("indicator");
    }

    @Test
    void nothingDownIsNone() {
        assertEquals("none", indicator(page(PageContent.State.UP, PageContent.State.UNKNOWN)));
    }

    @Test
    void somethingImpactedIsMinor() {
        assertEquals("minor", indicator(page(PageContent.State.UP, PageContent.State.IMPACTED)));
    }

    @Test
    void somethingDownIsMajor() {
        assertEquals("major", indicator(page(PageContent.State.UP, PageContent.State.DOWN)));
    }

    @Test
    void everythingCheckedDownIsCritical() {
        assertEquals("critical", indicator(page(PageContent.State.DOWN, PageContent.State.UNKNOWN)));
    }
}
