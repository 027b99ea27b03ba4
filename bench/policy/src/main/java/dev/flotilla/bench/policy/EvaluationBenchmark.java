package dev.flotilla.bench.policy;

import dev.flotilla.policy.evaluation.Decision;
import dev.flotilla.policy.evaluation.DecisionOutcome;
import dev.flotilla.policy.evaluation.DecisionRequest;
import dev.flotilla.policy.evaluation.PolicyCompiler;
import dev.flotilla.policy.evaluation.RuleDefinition;
import dev.flotilla.policy.evaluation.RuleSet;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * In-process cost of one decision against a tenant's whole rule set (100 policies × 10 rules):
 * policy-service's evaluation core ({@link RuleSet#evaluate}, the code behind
 * {@code POST /api/v1/decisions}) on the mixed and the RBAC rule sets, and jCasbin's
 * {@code enforce} on the same RBAC grants. Each operation answers the next question of a fixed
 * pool of 1,000.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms256m", "-Xmx256m" })
public class EvaluationBenchmark {

    static final int QUESTIONS = 1000;
    static final long SEED = 42;

    /** jCasbin's basic RBAC model: a subject may act when one of its roles holds the grant. */
    static final String CASBIN_MODEL = """
            [request_definition]
            r = sub, obj, act

            [policy_definition]
            p = sub, obj, act

            [role_definition]
            g = _, _

            [policy_effect]
            e = some(where (p.eft == allow))

            [matchers]
            m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
            """;

    private RuleSet mixed;
    private RuleSet rbac;
    private DecisionRequest[] requests;
    private Enforcer casbin;
    private String[][] casbinRequests;
    private int next;

    @Setup
    public void setUp() {
        PolicyCompiler compiler = new PolicyCompiler();
        mixed = compile(compiler, Workload.mixedPolicies());
        rbac = compile(compiler, Workload.rbacPolicies());
        List<Workload.Question> questions = Workload.questions(QUESTIONS, SEED);
        requests = questions.stream().map(Workload.Question::toRequest).toArray(DecisionRequest[]::new);
        casbin = casbin(questions);
        casbinRequests = new String[QUESTIONS][];
        for (int i = 0; i < QUESTIONS; i++) {
            Workload.Question q = questions.get(i);
            casbinRequests[i] = new String[] { casbinSubject(i), q.type(), q.action() };
        }
        checkBothEnginesAgree();
    }

    static RuleSet compile(PolicyCompiler compiler, Map<String, List<RuleDefinition>> policies) {
        List<RuleSet.Entry> entries = new ArrayList<>();
        policies.forEach((name, rules) -> {
            var compilation = compiler.compile(UUID.randomUUID(), 1, rules);
            if (!compilation.succeeded()) {
                throw new IllegalStateException(name + " does not compile: " + compilation.errors());
            }
            entries.add(new RuleSet.Entry(name, compilation.policy()));
        });
        return new RuleSet(entries);
    }

    static Enforcer casbin(List<Workload.Question> questions) {
        Enforcer enforcer = new Enforcer(Model.newModelFromString(CASBIN_MODEL));
        enforcer.enableLog(false);
        List<List<String>> grants = Workload.rbacGrants().stream()
                .map(g -> List.of(g.role(), g.type(), g.action())).toList();
        enforcer.addPolicies(grants);
        List<List<String>> memberships = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            for (String role : questions.get(i).roles()) {
                memberships.add(List.of(casbinSubject(i), role));
            }
        }
        enforcer.addGroupingPolicies(memberships);
        return enforcer;
    }

    /** jCasbin resolves roles from its own table, so each question's subject is a user holding that question's roles. */
    static String casbinSubject(int question) {
        return "question-" + question;
    }

    /** The comparison is only fair if both answer every question alike. */
    private void checkBothEnginesAgree() {
        Instant now = Instant.now();
        for (int i = 0; i < QUESTIONS; i++) {
            boolean flotilla = rbac.evaluate(requests[i], now).decision() == Decision.ALLOW;
            boolean jcasbin = casbin.enforce((Object[]) casbinRequests[i]);
            if (flotilla != jcasbin) {
                throw new IllegalStateException("question " + i + ": policy-service says " + flotilla + ", jCasbin " + jcasbin);
            }
        }
    }

    private int nextQuestion() {
        int i = next;
        next = i + 1 == QUESTIONS ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public DecisionOutcome flotillaMixed() {
        return mixed.evaluate(requests[nextQuestion()], Instant.now());
    }

    @Benchmark
    public DecisionOutcome flotillaRbac() {
        return rbac.evaluate(requests[nextQuestion()], Instant.now());
    }

    @Benchmark
    public boolean jcasbinRbac() {
        return casbin.enforce((Object[]) casbinRequests[nextQuestion()]);
    }
}
