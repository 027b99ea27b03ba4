package dev.flotilla.policy.testcase;

import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.policy.cache.CompiledVersions;
import dev.flotilla.policy.evaluation.CompiledPolicy;
import dev.flotilla.policy.evaluation.Decision;
import dev.flotilla.policy.evaluation.DecisionOutcome;
import dev.flotilla.policy.evaluation.DecisionRequest;
import dev.flotilla.policy.evaluation.RuleSet;
import dev.flotilla.policy.policy.ActivationGate;
import dev.flotilla.policy.policy.Policy;
import dev.flotilla.policy.policy.PolicyDocuments;
import dev.flotilla.policy.policy.PolicyRepository;
import dev.flotilla.policy.policy.PolicyVersion;
import dev.flotilla.policy.policy.PolicyVersionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stored test cases of policies, and the gate they form: a version that fails any of its
 * policy's tests cannot be activated. A test evaluates the policy version on its own
 * (deny-overrides, default deny), independent of the tenant's other policies.
 */
@ApplicationScoped
public class PolicyTests implements ActivationGate {

    private final PolicyTestCaseRepository tests;
    private final PolicyRepository policies;
    private final PolicyVersionRepository versions;
    private final CompiledVersions compiled;
    private final PolicyDocuments documents;

    PolicyTests(PolicyTestCaseRepository tests, PolicyRepository policies, PolicyVersionRepository versions,
            CompiledVersions compiled, PolicyDocuments documents) {
        this.tests = tests;
        this.policies = policies;
        this.versions = versions;
        this.compiled = compiled;
        this.documents = documents;
    }

    @WithTransaction
    public Uni<TestCaseView> create(UUID tenant, UUID policyId, CreateTestCase body) {
        return policy(tenant, policyId)
                .call(policy -> tests.findByName(tenant, policyId, body.name())
                        .invoke(existing -> {
                            if (existing != null) {
                                throw new Conflict("The policy already has a test named '" + body.name() + "'");
                            }
                        }))
                .chain(policy -> {
                    PolicyTestCase test = new PolicyTestCase();
                    test.id = Ids.next();
                    test.tenantId = tenant;
                    test.policyId = policyId;
                    test.name = body.name();
                    test.input = documents.toJson(body.input());
                    test.expected = body.expect().name();
                    test.askedAt = body.at();
                    test.createdAt = Instant.now();
                    return tests.persistAndFlush(test).chain(() -> activeOf(policy))
                            .map(active -> view(test, policy.name, active));
                })
                .onFailure(SqlResults::isUniqueViolation)
                .transform(e -> new Conflict("The policy already has a test named '" + body.name() + "'"));
    }

    @WithSession
    public Uni<Page<TestCaseView>> list(UUID tenant, UUID policyId, PageParams page) {
        return policy(tenant, policyId)
                .chain(policy -> activeOf(policy).chain(active -> tests.page(tenant, policyId, page.after(), page.limit() + 1)
                        .map(rows -> Page.fromOverfetch(rows, page.limit(), t -> Cursor.of(t.id))
                                .map(t -> view(t, policy.name, active)))));
    }

    @WithTransaction
    public Uni<Void> delete(UUID tenant, UUID policyId, UUID testId) {
        return policy(tenant, policyId)
                .chain(() -> tests.delete(tenant, policyId, testId))
                .invoke(deleted -> {
                    if (!deleted) {
                        throw new NotFound("test", testId);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Fails with 422, listing every failing test, when {@code version} of the policy does not
     * pass all of the policy's tests. Runs in the caller's session.
     */
    @Override
    public Uni<Void> requirePassing(Policy policy, PolicyVersion version) {
        CompiledPolicy candidate = compiled.get(version);
        return tests.all(policy.tenantId, policy.id).map(all -> {
            List<TestFailure> failures = new ArrayList<>();
            for (PolicyTestCase test : all) {
                DecisionOutcome outcome = evaluate(test, policy.name, candidate);
                if (outcome.decision() != Decision.valueOf(test.expected)) {
                    failures.add(new TestFailure(test.id, test.name, Decision.valueOf(test.expected), outcome.decision(),
                            outcome.reasons()));
                }
            }
            if (!failures.isEmpty()) {
                String detail = "Version " + version.version + " fails " + failures.size() + " of " + all.size()
                        + " stored test(s) and cannot be activated: "
                        + String.join("; ", failures.stream().map(TestFailure::describe).toList());
                throw new ProblemException(ProblemType.UNPROCESSABLE, detail, failures.stream()
                        .map(f -> new Problem.FieldError("tests." + f.name(),
                                f.describe() + " (" + String.join("; ", f.reasons()) + ")"))
                        .toList());
            }
            return null;
        });
    }

    private DecisionOutcome evaluate(PolicyTestCase test, String policyName, CompiledPolicy version) {
        DecisionRequest input = documents.fromJson(test.input, DecisionRequest.class);
        return new RuleSet(List.of(new RuleSet.Entry(policyName, version)))
                .evaluate(input, test.askedAt == null ? Instant.now() : test.askedAt);
    }

    private Uni<Policy> policy(UUID tenant, UUID policyId) {
        return policies.find(tenant, policyId).onItem().ifNull().failWith(() -> new NotFound("policy", policyId));
    }

    private Uni<CompiledPolicy> activeOf(Policy policy) {
        return versions.find(policy.tenantId, policy.id, policy.activeVersion).map(compiled::get);
    }

    private TestCaseView view(PolicyTestCase test, String policyName, CompiledPolicy active) {
        DecisionOutcome outcome = evaluate(test, policyName, active);
        Decision expected = Decision.valueOf(test.expected);
        return new TestCaseView(test.id, test.name, documents.fromJson(test.input, DecisionRequest.class), expected,
                test.askedAt, test.createdAt, active.version(), outcome.decision(), outcome.decision() == expected,
                outcome.reasons());
    }
}
