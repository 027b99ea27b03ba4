package dev.flotilla.config.watch;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchQueryTest {

    private static final Duration DEFAULT = Duration.ofMinutes(5);
    private static final Duration LONGEST = Duration.ofMinutes(10);

    private static WatchQuery query(String index, String wait) {
        return WatchQuery.parse(index, wait, null, DEFAULT, LONGEST);
    }

    @Test
    void aWaitLongerThanTheLongestIsHeldForTheLongest() {
        assertEquals(LONGEST, query("3", "1h").hold());
    }

    @Test
    void anIndexWithoutAWaitIsHeldForTheDefault() {
        assertEquals(DEFAULT, query("3", null).hold());
    }

    @Test
    void aReadIsHeldOnlyWhileTheNamespaceIsAtTheCallersIndex() {
        assertTrue(query("3", "1s").holds(3));
        assertFalse(query("3", "1s").holds(4), "changed since");
        assertFalse(query("3", "1s").holds(2), "created anew since: the caller starts over");
        assertFalse(query(null, "1s").holds(3), "no index: not a blocking query");
        assertFalse(query("3", "0").holds(3), "no wait");
    }

    @Test
    void changedListsFromTheFirstRevisionWithoutAnIndex() {
        assertEquals(0, WatchQuery.parse(null, null, "true", DEFAULT, LONGEST).changedAfter());
        assertTrue(WatchQuery.parse("7", null, "", DEFAULT, LONGEST).changed());
        assertFalse(WatchQuery.parse("7", null, "false", DEFAULT, LONGEST).changed());
    }
}
