package dev.flotilla.policy.evaluation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evaluation semantics, in-process: deny overrides, default deny, globs, CEL conditions, failing closed. */
class RuleSetTest {

    private static final PolicyCompiler COMPILER = new PolicyCompiler();
    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    private static RuleSet rules(RuleDefinition... rules) {
        var compilation = COMPILER.compile(UUID.randomUUID(), 1, Arrays.asList(rules));
        assertTrue(compilation.succeeded(), () -> compilation.errors().toString());
        return new RuleSet(List.of(new RuleSet.Entry("p", compilation.policy())));
    }

    private static RuleDefinition rule(String id, Effect effect, List<String> actions, List<String> resources,
            String condition) {
        return new RuleDefinition(id, effect, actions, resources, condition, null);
    }

    private static DecisionRequest ask(String subject, List<String> roles, String action, String type, String id,
            Map<String, Object> attributes) {
        return new DecisionRequest(new DecisionRequest.Subject(subject, roles, Map.of()), action,
                new DecisionRequest.Resource(type, id, attributes), Map.of());
    }

    @Test
    void nothingMatchingMeansDeny() {
        var outcome = rules(rule("r", Effect.ALLOW, List.of("read"), List.of("doc:*"), null))
                .evaluate(ask("u", List.of(), "delete", "doc", "1", Map.of()), NOON);
        assertEquals(Decision.DENY, outcome.decision());
        assertTrue(outcome.matchedRules().isEmpty());
        assertTrue(outcome.reasons().get(0).contains("default is deny"));
    }

    @Test
    void denyOverridesAllow() {
        var outcome = rules(
                rule("all", Effect.ALLOW, List.of("*"), List.of("*"), null),
                rule("no-delete", Effect.DENY, List.of("delete"), List.of("doc"), null))
                .evaluate(ask("u", List.of(), "delete", "doc", "1", Map.of()), NOON);
        assertEquals(Decision.DENY, outcome.decision());
        assertEquals("no-delete", outcome.matchedRules().get(0).rule());
    }

    @Test
    void resourceGlobsMatchTypeAndId() {
        var set = rules(rule("r", Effect.ALLOW, List.of("read"), List.of("conversation:team-*"), null));
        assertEquals(Decision.ALLOW,
                set.evaluate(ask("u", List.of(), "read", "conversation", "team-7", Map.of()), NOON).decision());
        assertEquals(Decision.DENY,
                set.evaluate(ask("u", List.of(), "read", "conversation", "solo-7", Map.of()), NOON).decision());
        assertEquals(Decision.DENY, set.evaluate(ask("u", List.of(), "read", "document", "team-7", Map.of()), NOON).decision());
    }

    @Test
    void rulesNamingOtherActionsOrTypesAreSkippedButWildcardsStillApply() {
        var set = rules(
                rule("read-docs", Effect.ALLOW, List.of("read"), List.of("doc"), null),
                rule("write-notes", Effect.ALLOW, List.of("write"), List.of("note:*"), null),
                rule("any-on-drafts", Effect.ALLOW, List.of("*"), List.of("draft-*"), null),
                rule("archive-anything", Effect.ALLOW, List.of("archive"), List.of("*"), null));
        assertEquals(List.of("read-docs"), ruleIds(set, "read", "doc"));
        assertEquals(List.of(), ruleIds(set, "write", "doc"));
        assertEquals(List.of("write-notes"), ruleIds(set, "write", "note"));
        assertEquals(List.of("any-on-drafts"), ruleIds(set, "publish", "draft-3"));
        assertEquals(List.of("archive-anything"), ruleIds(set, "archive", "never-named"));
        assertEquals(List.of(), ruleIds(set, "never-named", "never-named"));
    }

    @Test
    void matchedRulesKeepTheOrderOfThePoliciesWhateverTheIndex() {
        var set = rules(
                rule("first", Effect.ALLOW, List.of("read"), List.of("doc"), null),
                rule("second", Effect.ALLOW, List.of("*"), List.of("*"), null),
                rule("third", Effect.ALLOW, List.of("read", "write"), List.of("doc:1", "note:*"), null));
        assertEquals(List.of("first", "second", "third"), ruleIds(set, "read", "doc"));
    }

    @Test
    void candidatesWhoseGlobsAreNotSureToMatchAreStillTested() {
        var set = rules(
                rule("whole-type", Effect.ALLOW, List.of("read", "write-*"), List.of("doc"), null),
                rule("some-ids", Effect.ALLOW, List.of("read"), List.of("doc:1*", "note:7"), null),
                rule("any-action", Effect.DENY, List.of("*"), List.of("doc:secret"), null));
        assertEquals(List.of("whole-type", "some-ids"), ruleIds(set, "read", "doc", "12"));
        assertEquals(List.of("whole-type"), ruleIds(set, "read", "doc", "2"));
        assertEquals(List.of("whole-type"), ruleIds(set, "write-all", "doc", "2"));
        assertEquals(List.of(), ruleIds(set, "writer", "doc", "2"));
        assertEquals(List.of("some-ids"), ruleIds(set, "read", "note", "7"));
        assertEquals(List.of(), ruleIds(set, "read", "note", "8"));
        assertEquals(List.of("any-action"), ruleIds(set, "write-all", "doc", "secret"));
    }

    @Test
    void aTypeContainingAColonMatchesByItsQualifiedName() {
        // "a:b" with id "c" is "a:b:c": a glob fixing the leading segment "a" must still see it.
        var set = rules(rule("r", Effect.ALLOW, List.of("read"), List.of("a:b:*"), null));
        assertEquals(List.of("r"), ruleIds(set, "read", "a:b"));
    }

    private static List<String> ruleIds(RuleSet set, String action, String type) {
        return ruleIds(set, action, type, "1");
    }

    private static List<String> ruleIds(RuleSet set, String action, String type, String id) {
        return set.evaluate(ask("u", List.of(), action, type, id, Map.of()), NOON).matchedRules().stream()
                .map(MatchedRule::rule).toList();
    }

    @Test
    void conditionsSeeSubjectResourceAndNow() {
        var set = rules(rule("owner-in-office-hours", Effect.ALLOW, List.of("*"), List.of("*"),
                "resource.attributes.ownerId == subject.id && now.getHours('UTC') >= 9 && now.getHours('UTC') < 17"));
        var owned = ask("u1", List.of(), "update", "doc", "1", Map.of("ownerId", "u1"));
        assertEquals(Decision.ALLOW, set.evaluate(owned, NOON).decision());
        assertEquals(Decision.DENY, set.evaluate(owned, Instant.parse("2026-03-02T20:00:00Z")).decision());
        assertEquals(Decision.DENY,
                set.evaluate(ask("u2", List.of(), "update", "doc", "1", Map.of("ownerId", "u1")), NOON).decision());
    }

    @Test
    void roleChecksAreAnsweredFromTheRequestsRolesAsCelWould() {
        for (String condition : List.of("'editor' in subject.roles", "\"editor\" in subject.roles",
                "('editor' in (subject.roles))")) {
            var set = rules(rule("editors", Effect.ALLOW, List.of("*"), List.of("*"), condition));
            assertTrue(set.entries().get(0).policy().rules().get(0).condition().isRoleCheck(), condition);
            assertEquals(Decision.ALLOW,
                    set.evaluate(ask("u", List.of("viewer", "editor"), "read", "doc", "1", Map.of()), NOON).decision());
            assertEquals(Decision.DENY,
                    set.evaluate(ask("u", List.of("viewer"), "read", "doc", "1", Map.of()), NOON).decision());
            assertEquals(Decision.DENY, set.evaluate(ask("u", null, "read", "doc", "1", Map.of()), NOON).decision());
        }
        for (String condition : List.of("'editor' in subject.roles || false", "'editor' in subject.attributes.roles",
                "subject.id in subject.roles")) {
            var compilation = COMPILER.compile(UUID.randomUUID(), 1,
                    List.of(rule("r", Effect.ALLOW, List.of("*"), List.of("*"), condition)));
            assertFalse(compilation.policy().rules().get(0).condition().isRoleCheck(), condition);
        }
    }

    @Test
    void aConditionSharedByManyPoliciesAppliesToEachOfItsRules() {
        String owner = "has(resource.attributes.ownerId) && resource.attributes.ownerId == subject.id";
        var set = policies(
                List.of(rule("owners", Effect.ALLOW, List.of("*"), List.of("doc"), owner)),
                List.of(rule("owners", Effect.ALLOW, List.of("update"), List.of("doc:*"), owner)),
                List.of(rule("owners", Effect.ALLOW, List.of("*"), List.of("*"), owner),
                        rule("not-owners", Effect.DENY, List.of("*"), List.of("*"), "!(" + owner + ")")),
                List.of(rule("not-owners", Effect.DENY, List.of("*"), List.of("*"), "!(" + owner + ")")));
        var owned = set.evaluate(ask("u1", List.of(), "update", "doc", "1", Map.of("ownerId", "u1")), NOON);
        assertEquals(Decision.ALLOW, owned.decision());
        assertEquals(List.of("p0", "p1", "p2"), owned.matchedRules().stream().map(MatchedRule::policy).toList());
        // Answers belong to one decision: the next question is answered afresh.
        var foreign = set.evaluate(ask("u2", List.of(), "update", "doc", "1", Map.of("ownerId", "u1")), NOON);
        assertEquals(Decision.DENY, foreign.decision());
        assertEquals(List.of("p2", "p3"), foreign.matchedRules().stream().map(MatchedRule::policy).toList());
        assertFalse(foreign.reasons().stream().anyMatch(r -> r.startsWith("deny overrides")));
    }

    @Test
    void aSharedConditionThatFailsIsReportedForEachRule() {
        String blocked = "subject.attributes.blocked == true";
        var outcome = policies(
                List.of(rule("all", Effect.ALLOW, List.of("*"), List.of("*"), null),
                        rule("blocked", Effect.DENY, List.of("*"), List.of("*"), blocked)),
                List.of(rule("blocked-too", Effect.DENY, List.of("read"), List.of("doc"), blocked)),
                List.of(rule("unblocked", Effect.ALLOW, List.of("*"), List.of("*"), "!(" + blocked + ")")))
                .evaluate(ask("u", List.of(), "read", "doc", "1", Map.of()), NOON);
        assertEquals(Decision.DENY, outcome.decision());
        assertEquals(List.of("blocked", "blocked-too"), outcome.matchedRules().stream().map(MatchedRule::rule).toList());
        assertEquals(3, outcome.reasons().stream().filter(r -> r.contains("could not be evaluated")).count());
        assertTrue(outcome.reasons().stream().anyMatch(r -> r.startsWith("the condition of rule 'unblocked' of policy 'p2'")
                && r.endsWith("the allow rule does not apply")));
    }

    /** A rule set of one policy per list, named p0, p1, ... */
    @SafeVarargs
    private static RuleSet policies(List<RuleDefinition>... policies) {
        List<RuleSet.Entry> entries = new ArrayList<>();
        for (int p = 0; p < policies.length; p++) {
            var compilation = COMPILER.compile(UUID.randomUUID(), 1, policies[p]);
            assertTrue(compilation.succeeded(), () -> compilation.errors().toString());
            entries.add(new RuleSet.Entry("p" + p, compilation.policy()));
        }
        return new RuleSet(entries);
    }

    @Test
    void jsonNumbersCompareAsCelNumbers() {
        var set = rules(rule("under-limit", Effect.ALLOW, List.of("create"), List.of("*"), "resource.attributes.count < 10"));
        assertEquals(Decision.ALLOW,
                set.evaluate(ask("u", List.of(), "create", "doc", "", Map.of("count", 3)), NOON).decision());
        assertEquals(Decision.DENY,
                set.evaluate(ask("u", List.of(), "create", "doc", "", Map.of("count", 10.5)), NOON).decision());
    }

    @Test
    void aDenyRuleWhoseConditionFailsAppliesSoErrorsFailClosed() {
        var outcome = rules(
                rule("all", Effect.ALLOW, List.of("*"), List.of("*"), null),
                rule("blocked", Effect.DENY, List.of("*"), List.of("*"), "subject.attributes.blocked == true"))
                .evaluate(ask("u", List.of(), "read", "doc", "1", Map.of()), NOON);
        assertEquals(Decision.DENY, outcome.decision());
        assertTrue(outcome.reasons().stream().anyMatch(r -> r.contains("could not be evaluated")));
    }

    @Test
    void anAllowRuleWhoseConditionFailsDoesNotApply() {
        var outcome = rules(
                rule("owner", Effect.ALLOW, List.of("*"), List.of("*"), "resource.attributes.ownerId == subject.id"))
                .evaluate(ask("u", List.of(), "read", "doc", "1", Map.of()), NOON);
        assertEquals(Decision.DENY, outcome.decision());
    }

    @Test
    void compileErrorsNameTheRuleAndThePosition() {
        var compilation = COMPILER.compile(UUID.randomUUID(), 1, List.of(
                rule("fine", Effect.ALLOW, List.of("*"), List.of("*"), "true"),
                rule("broken", Effect.ALLOW, List.of("*"), List.of("*"), "subject.id == \n  nope")));
        assertFalse(compilation.succeeded());
        CompilationError error = compilation.errors().get(0);
        assertEquals("broken", error.ruleId());
        assertEquals("rules[1].condition", error.field());
        assertEquals(2, error.line());
        assertEquals(3, error.column());
        assertTrue(error.describe().contains("undeclared reference to 'nope'"), error.describe());
    }

    @Test
    void aConditionMustBeBoolean() {
        var compilation = COMPILER.compile(UUID.randomUUID(), 1,
                List.of(rule("r", Effect.ALLOW, List.of("*"), List.of("*"), "1 + 1")));
        assertFalse(compilation.succeeded());
        assertTrue(compilation.errors().get(0).message().contains("bool"));
    }

    @Test
    void duplicateRuleIdsAreRejected() {
        var compilation = COMPILER.compile(UUID.randomUUID(), 1, List.of(
                rule("same", Effect.ALLOW, List.of("*"), List.of("*"), null),
                rule("same", Effect.DENY, List.of("*"), List.of("*"), null)));
        assertEquals("rules[1].id", compilation.errors().get(0).field());
    }

    @Test
    void globsSupportStarAndQuestionMark() {
        assertTrue(Glob.of("message.*").matches("message.send"));
        assertTrue(Glob.of("*.read").matches("message.read"));
        assertTrue(Glob.of("v?").matches("v1"));
        assertFalse(Glob.of("v?").matches("v10"));
        assertTrue(Glob.of("a*b*c").matches("aXbYc"));
        assertFalse(Glob.of("a.c").matches("abc"));
    }

    @Test
    void theDocumentedExampleConditionsCompile() {
        List<String> conditions = List.of(
                "subject.roles.exists(r, r in ['editor', 'admin'])",
                "'member' in subject.roles && has(resource.attributes.ownerId) && resource.attributes.ownerId == subject.id",
                "now.getHours('Europe/Berlin') < 8 || now.getHours('Europe/Berlin') >= 18 || now.getDayOfWeek('Europe/Berlin') in [0, 6]",
                "context.plan == 'free' && context.conversationCount >= 10",
                "resource.attributes.archived == true");
        for (String condition : conditions) {
            var compilation = COMPILER.compile(UUID.randomUUID(), 1,
                    List.of(rule("r", Effect.DENY, List.of("*"), List.of("*"), condition)));
            assertTrue(compilation.succeeded(), () -> condition + ": " + compilation.errors());
        }
        var set = rules(rule("office-hours", Effect.ALLOW, List.of("run"), List.of("agent"),
                "!(now.getHours('Europe/Berlin') < 8 || now.getHours('Europe/Berlin') >= 18 || now.getDayOfWeek('Europe/Berlin') in [0, 6])"));
        var run = ask("u", List.of(), "run", "agent", "a1", Map.of());
        assertEquals(Decision.ALLOW, set.evaluate(run, Instant.parse("2026-03-04T10:00:00Z")).decision());
        assertEquals(Decision.DENY, set.evaluate(run, Instant.parse("2026-03-07T10:00:00Z")).decision());
    }
}
