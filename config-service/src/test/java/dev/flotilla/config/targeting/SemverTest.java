package dev.flotilla.config.targeting;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemverTest {

    @Test
    void versionsAreOrderedBySemverPrecedence() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            Semver lower = Semver.parse(ordered.get(i));
            Semver higher = Semver.parse(ordered.get(i + 1));
            assertTrue(lower.compareTo(higher) < 0, ordered.get(i) + " < " + ordered.get(i + 1));
            assertTrue(higher.compareTo(lower) > 0, ordered.get(i + 1) + " > " + ordered.get(i));
        }
    }

    @Test
    void buildMetadataAndALeadingVDoNotCount() {
        assertEquals(0, Semver.parse("v1.4.2+build.7").compareTo(Semver.parse("1.4.2")));
    }

    @Test
    void whatIsNotASemanticVersionIsRefused() {
        for (String text : List.of("", "1", "1.2", "1.2.3.4", "01.2.3", "1.2.x", "1.2.3-", "1.2.3-01", "1.2.3+", "1.2.3-a..b",
                "1.2.3-é")) {
            assertNull(Semver.parse(text), text);
        }
    }
}
