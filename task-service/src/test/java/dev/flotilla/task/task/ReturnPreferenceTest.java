package dev.flotilla.task.task;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The {@code return} preference read from a request's {@code Prefer} header fields (RFC 7240). */
class ReturnPreferenceTest {

    private static ReturnPreference of(String... fields) {
        return ReturnPreference.of(Arrays.asList(fields));
    }

    @Test
    void withoutPreferTheAnswerIsTheRepresentation() {
        assertEquals(ReturnPreference.REPRESENTATION, ReturnPreference.of(null));
        assertEquals(ReturnPreference.REPRESENTATION, ReturnPreference.of(List.of()));
    }

    @Test
    void returnMinimalAsksForTheMinimalAnswer() {
        assertEquals(ReturnPreference.MINIMAL, of("return=minimal"));
    }

    @Test
    void returnRepresentationAsksForTheRepresentation() {
        assertEquals(ReturnPreference.REPRESENTATION, of("return=representation"));
    }

    @Test
    void theReturnPreferenceIsFoundAmongOthersAndBesideItsParameters() {
        assertEquals(ReturnPreference.MINIMAL, of("respond-async, wait=10, return=minimal; foo=bar"));
        assertEquals(ReturnPreference.MINIMAL, of("respond-async", "return=minimal"));
    }

    @Test
    void theFirstReturnPreferenceCounts() {
        assertEquals(ReturnPreference.REPRESENTATION, of("return=representation, return=minimal"));
        assertEquals(ReturnPreference.MINIMAL, of("return=minimal", "return=representation"));
    }

    @Test
    void theNameAndValueAreCaseInsensitiveAndTheValueMayBeQuoted() {
        assertEquals(ReturnPreference.MINIMAL, of(" RETURN = \"Minimal\" "));
    }

    @Test
    void anUnknownReturnValueMeansTheRepresentation() {
        assertEquals(ReturnPreference.REPRESENTATION, of("return=everything"));
        assertEquals(ReturnPreference.REPRESENTATION, of("return"));
    }

    @Test
    void otherPreferencesAloneMeanTheRepresentation() {
        assertEquals(ReturnPreference.REPRESENTATION, of("respond-async, wait=10"));
    }
}
