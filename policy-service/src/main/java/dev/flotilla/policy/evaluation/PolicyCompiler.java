package dev.flotilla.policy.evaluation;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Compiles policy rules: globs into matchers, conditions into CEL programs type-checked against
 * the variables a condition may use ({@code subject}, {@code resource}, {@code context} as maps,
 * {@code action} a string, {@code now} a timestamp) and required to yield a {@code bool}.
 * Every problem is reported with the rule and the position in the expression.
 *
 * <p>
 * Thread-safe and free of framework dependencies: a benchmark can construct one and call it
 * in-process.
 */
public final class PolicyCompiler {

    private static final MapType OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    public PolicyCompiler() {
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .enableTimestampEpoch(true)
                .build();
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar(CelValues.SUBJECT, OBJECT)
                .addVar(CelValues.ACTION, SimpleType.STRING)
                .addVar(CelValues.RESOURCE, OBJECT)
                .addVar(CelValues.CONTEXT, OBJECT)
                .addVar(CelValues.NOW, SimpleType.TIMESTAMP)
                .setResultType(SimpleType.BOOL)
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build();
    }

    /** The outcome of compiling a policy: the compiled policy when {@link #errors()} is empty. */
    public record Compilation(CompiledPolicy policy, List<CompilationError> errors) {
        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    /** Compiles {@code rules} as version {@code version} of policy {@code policyId}. */
    public Compilation compile(UUID policyId, int version, List<RuleDefinition> rules) {
        List<CompilationError> errors = new ArrayList<>();
        List<CompiledRule> compiled = new ArrayList<>(rules.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleDefinition rule = rules.get(i);
            String prefix = "rules[" + i + "]";
            String ruleId = rule.id() == null ? "#" + i : rule.id();
            if (rule.id() == null || rule.id().isBlank()) {
                errors.add(new CompilationError(i, ruleId, prefix + ".id", null, null, "a rule needs an id"));
            } else if (!seen.add(rule.id())) {
                errors.add(new CompilationError(i, ruleId, prefix + ".id", null, null, "the id is used by an earlier rule"));
            }
            if (rule.effect() == null) {
                errors.add(new CompilationError(i, ruleId, prefix + ".effect", null, null, "effect must be allow or deny"));
            }
            List<Glob> actions = globs(rule.actions(), false, i, ruleId, prefix + ".actions", errors);
            List<Glob> resources = globs(rule.resources(), true, i, ruleId, prefix + ".resources", errors);
            Condition condition = null;
            if (rule.hasCondition()) {
                condition = condition(rule.condition(), i, ruleId, prefix + ".condition", errors);
            }
            compiled.add(new CompiledRule(policyId, version, ruleId, rule.effect(), actions, resources, condition));
        }
        return errors.isEmpty()
                ? new Compilation(new CompiledPolicy(policyId, version, List.copyOf(compiled)), List.of())
                : new Compilation(null, List.copyOf(errors));
    }

    private static List<Glob> globs(List<String> patterns, boolean resource, int index, String ruleId, String field,
            List<CompilationError> errors) {
        if (patterns == null || patterns.isEmpty()) {
            errors.add(new CompilationError(index, ruleId, field, null, null, "at least one glob is required"));
            return List.of();
        }
        List<Glob> globs = new ArrayList<>(patterns.size());
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank()) {
                errors.add(new CompilationError(index, ruleId, field, null, null, "a glob must not be blank"));
                continue;
            }
            // A resource glob without a colon names types: "conversation" means "conversation:*".
            globs.add(Glob.of(resource && pattern.indexOf(':') < 0 && !pattern.equals("*") ? pattern + ":*" : pattern));
        }
        return List.copyOf(globs);
    }

    private Condition condition(String expression, int index, String ruleId, String field, List<CompilationError> errors) {
        try {
            CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
            return new Condition(expression, ast, runtime.createProgram(ast));
        } catch (CelValidationException e) {
            for (CelIssue issue : e.getErrors()) {
                var location = issue.getSourceLocation();
                boolean known = location.getLine() > 0;
                errors.add(new CompilationError(index, ruleId, field,
                        known ? location.getLine() : 1, known ? location.getColumn() + 1 : 1, issue.getMessage()));
            }
            return null;
        } catch (CelEvaluationException e) {
            errors.add(new CompilationError(index, ruleId, field, 1, 1, e.getMessage()));
            return null;
        }
    }
}
