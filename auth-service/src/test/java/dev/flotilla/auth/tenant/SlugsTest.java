package dev.flotilla.auth.tenant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The slug users type at login, derived from a tenant's name. */
class SlugsTest {

    @Test
    void theNameIsLowerCasedAndItsSpacesBecomeDashes() {
        assertEquals("acme-corp", Slugs.of("Acme Corp"));
    }

    @Test
    void accentsAreDropped() {
        assertEquals("hello-world", Slugs.of("Héllo Wörld"));
    }

    @Test
    void compatibilityFormsBecomeTheirPlainLetters() {
        assertEquals("fine-office", Slugs.of("\uFB01ne o\uFB03ce"));
    }

    @Test
    void digitsAreKept() {
        assertEquals("team-42", Slugs.of("Team 42"));
    }

    @Test
    void aRunOfOtherCharactersBecomesOneDash() {
        assertEquals("acme-sons-ltd", Slugs.of("Acme  &  Sons, Ltd."));
    }

    @Test
    void leadingAndTrailingDashesAreDropped() {
        assertEquals("acme", Slugs.of("  --(Acme)--  "));
    }

    @Test
    void aLongNameIsCutToTheMaximumLength() {
        assertEquals("a".repeat(Slugs.MAX_LENGTH), Slugs.of("a".repeat(Slugs.MAX_LENGTH + 10)));
    }

    @Test
    void aNameCutAtADashLosesTheDash() {
        assertEquals("a".repeat(Slugs.MAX_LENGTH - 1), Slugs.of("a".repeat(Slugs.MAX_LENGTH - 1) + " and more"));
    }

    @Test
    void aNameWithoutLettersOrDigitsBecomesTenant() {
        assertEquals("tenant", Slugs.of("!!! ???"));
    }

    @Test
    void aNameInAnotherScriptBecomesTenant() {
        assertEquals("tenant", Slugs.of("東京"));
    }
}
