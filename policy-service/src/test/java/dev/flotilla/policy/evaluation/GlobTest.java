package dev.flotilla.policy.evaluation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Globs over action and resource names: {@code *} any run of characters, {@code ?} exactly one. */
class GlobTest {

    @Test
    void aLoneStarMatchesEverythingIncludingTheEmptyName() {
        Glob any = Glob.of("*");
        assertTrue(any.matches("read"));
        assertTrue(any.matches("conversation:c1"));
        assertTrue(any.matches(""));
    }

    @Test
    void aLiteralMatchesOnlyItself() {
        Glob read = Glob.of("read");
        assertTrue(read.matches("read"));
        assertFalse(read.matches("reader"));
        assertFalse(read.matches("Read"));
        assertFalse(read.matches(""));
    }

    @Test
    void aTrailingStarMatchesEveryNameWithThatPrefix() {
        Glob messages = Glob.of("message.*");
        assertTrue(messages.matches("message.send"));
        assertTrue(messages.matches("message."));
        assertFalse(messages.matches("message"));
        assertFalse(messages.matches("messages.send"));
    }

    @Test
    void aStarMatchesARunOfCharactersIncludingNone() {
        Glob glob = Glob.of("a*b*c");
        assertTrue(glob.matches("abc"));
        assertTrue(glob.matches("aXXbYYc"));
        assertFalse(glob.matches("aXXbYY"));
    }

    @Test
    void aLeadingStarMatchesEveryNameWithThatSuffix() {
        Glob reads = Glob.of("*.read");
        assertTrue(reads.matches("message.read"));
        assertTrue(reads.matches(".read"));
        assertFalse(reads.matches("message.reader"));
    }

    @Test
    void aQuestionMarkMatchesExactlyOneCharacter() {
        Glob glob = Glob.of("v?");
        assertTrue(glob.matches("v1"));
        assertFalse(glob.matches("v"));
        assertFalse(glob.matches("v10"));
    }

    @Test
    void aStarCrossesColonsInResourceNames() {
        assertTrue(Glob.of("conversation:*").matches("conversation:team:7"));
        assertTrue(Glob.of("*:7").matches("conversation:team:7"));
    }

    @Test
    void aWildcardMatchesLineBreaksToo() {
        assertTrue(Glob.of("a*z").matches("a\nz"));
        assertTrue(Glob.of("a?z").matches("a\nz"));
    }

    @Test
    void regularExpressionCharactersInAGlobMatchThemselves() {
        Glob glob = Glob.of("a.c+(d)?");
        assertTrue(glob.matches("a.c+(d)!"));
        assertFalse(glob.matches("abc+(d)!"));
        assertFalse(glob.matches("a.cc(d)!"));
    }

    @Test
    void aGlobKeepsItsPatternAsWritten() {
        assertEquals("message.*", Glob.of("message.*").pattern());
        assertEquals("v?", Glob.of("v?").pattern());
        assertEquals("*", Glob.of("*").pattern());
    }

    @Test
    void textWithoutStarOrQuestionMarkIsLiteral() {
        assertTrue(Glob.isLiteral("conversation"));
        assertTrue(Glob.isLiteral("a.b+c"));
        assertFalse(Glob.isLiteral("message.*"));
        assertFalse(Glob.isLiteral("v?"));
    }
}
