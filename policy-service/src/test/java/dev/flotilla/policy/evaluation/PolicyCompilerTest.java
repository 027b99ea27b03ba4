package dev.flotilla.policy.evaluation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What compiling a policy reports: every problem, pinned to its rule, field and position. */
class PolicyCompilerTest {

    private static final PolicyCompiler COMPILER = new PolicyCompiler();
    private static final List<String> ANY = List.of("*");

    private static RuleDefinition rule(String id, Effect effect, List<String> actions, List<String> resources,
            String condition) {
        return new RuleDefinition(id, effect, actions, resources, condition, null);
    }

    private static PolicyCompiler.Compilation compile(RuleDefinition... rules) {
        return COMPILER.compile(UUID.randomUUID(), 1, Arrays.asList(rules));
    }

    private static CompilationError onlyError(PolicyCompiler.Compilation compilation) {
        assertEquals(1, compilation.errors().size(), () -> compilation.errors().toString());
        return compilation.errors().get(0);
    }

    @Test
    void aPolicyThatCompilesCarriesItsIdVersionAndRulesInOrder() {
        UUID policy = UUID.randomUUID();
        var compilation = COMPILER.compile(policy, 7, List.of(
                rule("first", Effect.ALLOW, ANY, ANY, null),
                rule("second", Effect.DENY, ANY, ANY, "'frozen' in subject.roles")));
        assertTrue(compilation.succeeded());
        assertEquals(List.of(), compilation.errors());
        assertEquals(policy, compilation.policy().policyId());
        assertEquals(7, compilation.policy().version());
        assertEquals(List.of("first", "second"), compilation.policy().rules().stream().map(CompiledRule::id).toList());
        assertEquals(List.of(7, 7), compilation.policy().rules().stream().map(CompiledRule::version).toList());
    }

    @Test
    void aPolicyThatDoesNotCompileHasNoCompiledPolicy() {
        var compilation = compile(rule("r", Effect.ALLOW, ANY, ANY, "nope"));
        assertFalse(compilation.succeeded());
        assertNull(compilation.policy());
    }

    @Test
    void everyProblemOfEveryRuleIsReportedNotJustTheFirst() {
        var compilation = compile(
                rule("r1", null, List.of(), ANY, null),
                rule("r2", Effect.ALLOW, ANY, ANY, "nope"));
        assertEquals(List.of("rules[0].effect", "rules[0].actions", "rules[1].condition"),
                compilation.errors().stream().map(CompilationError::field).toList());
    }

    @Test
    void aRuleWithoutAnIdIsNamedByItsPosition() {
        CompilationError error = onlyError(compile(
                rule("ok", Effect.ALLOW, ANY, ANY, null),
                rule(null, Effect.ALLOW, ANY, ANY, null)));
        assertEquals(1, error.ruleIndex());
        assertEquals("#1", error.ruleId());
        assertEquals("rules[1].id", error.field());
        assertEquals("a rule needs an id", error.message());
    }

    @Test
    void aBlankIdIsReported() {
        CompilationError error = onlyError(compile(rule(" ", Effect.ALLOW, ANY, ANY, null)));
        assertEquals("rules[0].id", error.field());
        assertEquals("a rule needs an id", error.message());
    }

    @Test
    void anIdUsedByAnEarlierRuleIsReportedOnTheLaterOne() {
        CompilationError error = onlyError(compile(
                rule("same", Effect.ALLOW, ANY, ANY, null),
                rule("same", Effect.DENY, ANY, ANY, null)));
        assertEquals(1, error.ruleIndex());
        assertEquals("the id is used by an earlier rule", error.message());
    }

    @Test
    void aRuleWithoutAnEffectIsReported() {
        CompilationError error = onlyError(compile(rule("r", null, ANY, ANY, null)));
        assertEquals("rules[0].effect", error.field());
        assertEquals("effect must be allow or deny", error.message());
    }

    @Test
    void aRuleNeedsAtLeastOneActionAndOneResourceGlob() {
        var compilation = compile(rule("r", Effect.ALLOW, List.of(), null, null));
        assertEquals(List.of("rules[0].actions", "rules[0].resources"),
                compilation.errors().stream().map(CompilationError::field).toList());
        assertTrue(compilation.errors().stream().allMatch(e -> e.message().equals("at least one glob is required")));
    }

    @Test
    void aBlankGlobIsReported() {
        CompilationError error = onlyError(compile(rule("r", Effect.ALLOW, ANY, List.of("doc", ""), null)));
        assertEquals("rules[0].resources", error.field());
        assertEquals("a glob must not be blank", error.message());
    }

    @Test
    void aResourceGlobWithoutAColonNamesAType() {
        var compilation = compile(
                rule("r", Effect.ALLOW, List.of("read"), List.of("conversation", "doc:1", "*", "draft-*"), null));
        assertEquals(List.of("conversation:*", "doc:1", "*", "draft-*:*"),
                compilation.policy().rules().get(0).resources().stream().map(Glob::pattern).toList());
    }

    @Test
    void anActionGlobIsKeptAsWritten() {
        var compilation = compile(rule("r", Effect.ALLOW, List.of("read", "message.*"), ANY, null));
        assertEquals(List.of("read", "message.*"),
                compilation.policy().rules().get(0).actions().stream().map(Glob::pattern).toList());
    }

    @Test
    void aBlankConditionMeansAlways() {
        var compilation = compile(rule("r", Effect.ALLOW, ANY, ANY, "  "));
        assertTrue(compilation.succeeded());
        assertNull(compilation.policy().rules().get(0).condition());
    }

    @Test
    void aConditionThatDoesNotParseIsReportedAtItsPosition() {
        CompilationError error = onlyError(compile(rule("r", Effect.ALLOW, ANY, ANY, "subject.id == 'a' &&")));
        assertEquals("rules[0].condition", error.field());
        assertEquals(1, error.line());
        assertTrue(error.column() > 1, () -> "column " + error.column());
    }

    @Test
    void anUndeclaredVariableIsReportedAtItsLineAndColumn() {
        CompilationError error = onlyError(compile(rule("r", Effect.ALLOW, ANY, ANY, "true &&\n    user.id == 'a'")));
        assertEquals(2, error.line());
        assertEquals(5, error.column());
        assertTrue(error.message().contains("undeclared reference to 'user'"), error.message());
    }

    @Test
    void aConditionOfAnotherTypeThanBoolIsReported() {
        CompilationError error = onlyError(compile(rule("r", Effect.ALLOW, ANY, ANY, "'a' + 'b'")));
        assertEquals("rules[0].condition", error.field());
        assertTrue(error.message().contains("bool"), error.message());
    }

    @Test
    void theDescriptionNamesTheRuleTheFieldAndThePosition() {
        assertEquals("rule 'r' (rules[0].condition) at line 2, column 5: it is wrong",
                new CompilationError(0, "r", "rules[0].condition", 2, 5, "it is wrong").describe());
        assertEquals("rule '#1' (rules[1].id): a rule needs an id",
                new CompilationError(1, "#1", "rules[1].id", null, null, "a rule needs an id").describe());
    }
}
