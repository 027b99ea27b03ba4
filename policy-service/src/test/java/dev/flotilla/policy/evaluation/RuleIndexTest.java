package dev.flotilla.policy.evaluation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Which rules a decision considers for an action and a resource type, and which of them it need not match. */
class RuleIndexTest {

    private static final UUID POLICY = UUID.randomUUID();

    private static CompiledRule rule(String id, List<String> actions, List<String> resources) {
        return new CompiledRule(POLICY, 1, id, Effect.ALLOW, actions.stream().map(Glob::of).toList(),
                resources.stream().map(Glob::of).toList(), null);
    }

    private static RuleIndex index(CompiledRule... rules) {
        return new RuleIndex(rules);
    }

    private static int[] candidates(RuleIndex index, String action, String type) {
        return index.candidates(action, type).rules();
    }

    @Test
    void aRuleNamingItsActionsIsACandidateOnlyForThem() {
        var index = index(rule("read-docs", List.of("read", "list"), List.of("doc:*")));
        assertArrayEquals(new int[] { 0 }, candidates(index, "read", "doc"));
        assertArrayEquals(new int[] { 0 }, candidates(index, "list", "doc"));
        assertArrayEquals(new int[] {}, candidates(index, "delete", "doc"));
    }

    @Test
    void aRuleWithAWildcardActionIsACandidateForEveryAction() {
        var index = index(rule("messages", List.of("message.*"), List.of("doc:*")));
        assertArrayEquals(new int[] { 0 }, candidates(index, "message.send", "doc"));
        assertArrayEquals(new int[] { 0 }, candidates(index, "read", "doc"));
    }

    @Test
    void aRuleNamingItsTypesIsACandidateOnlyForThem() {
        var index = index(rule("docs-and-notes", List.of("read"), List.of("doc:1", "note:*")));
        assertArrayEquals(new int[] { 0 }, candidates(index, "read", "doc"));
        assertArrayEquals(new int[] { 0 }, candidates(index, "read", "note"));
        assertArrayEquals(new int[] {}, candidates(index, "read", "report"));
    }

    @Test
    void aRuleWhoseTypeHasAWildcardIsACandidateForEveryType() {
        var index = index(
                rule("drafts", List.of("read"), List.of("draft-*")),
                rule("everything", List.of("read"), List.of("*")),
                rule("any-type-with-id-1", List.of("read"), List.of("*:1")));
        assertArrayEquals(new int[] { 0, 1, 2 }, candidates(index, "read", "draft-7"));
        assertArrayEquals(new int[] { 0, 1, 2 }, candidates(index, "read", "doc"));
    }

    @Test
    void candidatesKeepTheOrderOfTheRules() {
        var index = index(
                rule("first", List.of("read"), List.of("doc:*")),
                rule("not-for-notes", List.of("read"), List.of("note:*")),
                rule("third", List.of("*"), List.of("*")),
                rule("fourth", List.of("read", "write"), List.of("doc:1")));
        assertArrayEquals(new int[] { 0, 2, 3 }, candidates(index, "read", "doc"));
    }

    @Test
    void actionsAndTypesNoRuleNamesShareOneListOfCandidates() {
        var index = index(rule("read-docs", List.of("read"), List.of("doc:*")), rule("anything", List.of("*"), List.of("*")));
        var first = index.candidates("never-named", "unknown");
        assertSame(first, index.candidates("also-never-named", "other-unknown"));
        assertArrayEquals(new int[] { 1 }, first.rules());
    }

    @Test
    void theCandidatesOfAPairAreListedOnceAndKept() {
        var index = index(rule("read-docs", List.of("read"), List.of("doc:*")));
        assertSame(index.candidates("read", "doc"), index.candidates("read", "doc"));
    }

    @Test
    void aRuleNamingTheActionAndCoveringTheWholeTypeIsSureToMatch() {
        var index = index(
                rule("whole-type", List.of("read"), List.of("doc:*")),
                rule("anything", List.of("*"), List.of("*")),
                rule("star-action", List.of("*"), List.of("doc:*")));
        assertEquals(List.of(true, true, true), globsMatch(index.candidates("read", "doc")));
    }

    @Test
    void aRuleLimitedToSomeIdsIsStillTested() {
        var index = index(rule("some-ids", List.of("read"), List.of("doc:1*")));
        assertEquals(List.of(false), globsMatch(index.candidates("read", "doc")));
    }

    @Test
    void aRuleWithAWildcardActionOtherThanStarIsStillTested() {
        var index = index(rule("writes", List.of("write-*"), List.of("doc:*")));
        assertEquals(List.of(false), globsMatch(index.candidates("write-all", "doc")));
    }

    @Test
    void aRuleCoveringANamedTypeIsStillTestedForTypesNoRuleNames() {
        var index = index(
                rule("docs-and-drafts", List.of("*"), List.of("doc:*", "draft-*")),
                rule("doc-1", List.of("read"), List.of("doc:1")));
        assertEquals(List.of(true, false), globsMatch(index.candidates("read", "doc")));
        assertEquals(List.of(false), globsMatch(index.candidates("read", "draft-7")));
    }

    @Test
    void aTypeContainingAColonIsIndexedByItsFirstSegment() {
        var index = index(rule("nested", List.of("read"), List.of("a:b:*")));
        assertArrayEquals(new int[] { 0 }, candidates(index, "read", "a:b"));
        assertEquals(List.of(false), globsMatch(index.candidates("read", "a:b")));
    }

    private static List<Boolean> globsMatch(RuleIndex.Candidates candidates) {
        Boolean[] sure = new Boolean[candidates.globsMatch().length];
        for (int i = 0; i < sure.length; i++) {
            sure[i] = candidates.globsMatch()[i];
        }
        return Arrays.asList(sure);
    }
}
