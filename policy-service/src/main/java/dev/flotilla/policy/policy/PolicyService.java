package dev.flotilla.policy.policy;

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
import dev.flotilla.common.request.Preconditions;
import dev.flotilla.policy.evaluation.CompilationError;
import dev.flotilla.policy.evaluation.CompiledPolicy;
import dev.flotilla.policy.evaluation.PolicyCompiler;
import dev.flotilla.policy.evaluation.RuleDefinition;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Policies and their immutable versions: create, read, change (a new version, guarded by
 * {@code If-Match}), activate a version (roll back or forward, guarded by the policy's stored
 * tests), delete, and validate rules without saving them.
 *
 * <p>
 * Writes run through {@link PolicyWriteGuard#whileWriting}, inside which the transaction is
 * opened (rather than {@code @WithTransaction} around the method) so that the cached rule sets
 * are invalidated only after the commit.
 */
@ApplicationScoped
public class PolicyService {

    private final PolicyRepository policies;
    private final PolicyVersionRepository versions;
    private final PolicyCompiler compiler;
    private final PolicyDocuments documents;
    private final ActivationGate activationGate;
    private final PolicyWriteGuard writeGuard;
    private final TenantProvisioning provisioning;

    public PolicyService(PolicyRepository policies, PolicyVersionRepository versions, PolicyCompiler compiler,
            PolicyDocuments documents, ActivationGate activationGate, PolicyWriteGuard writeGuard,
            TenantProvisioning provisioning) {
        this.policies = policies;
        this.versions = versions;
        this.compiler = compiler;
        this.documents = documents;
        this.activationGate = activationGate;
        this.writeGuard = writeGuard;
        this.provisioning = provisioning;
    }

    /** Compiles {@code rules} without saving anything. */
    public ValidationReport validate(List<RuleDefinition> rules) {
        List<CompilationError> errors = compiler.compile(Ids.next(), 0, rules).errors();
        return new ValidationReport(errors.isEmpty(), errors);
    }

    public Uni<Tagged<PolicyView>> create(UUID tenant, String author, PolicyDraft draft) {
        requireCompiles(draft.rules());
        return write(tenant, () -> uniqueName(tenant, draft.name(), null).chain(() -> {
            Instant now = Instant.now();
            Policy policy = new Policy();
            policy.id = Ids.next();
            policy.tenantId = tenant;
            policy.name = draft.name();
            policy.description = draft.description();
            policy.activeVersion = 1;
            policy.latestVersion = 1;
            policy.revision = 1;
            policy.createdAt = now;
            policy.updatedAt = now;
            PolicyVersion version = newVersion(policy, 1, draft.rules(), author, now);
            return policies.persist(policy).chain(() -> versions.persist(version)).map(ignored -> tagged(policy, version));
        }), draft.name());
    }

    @WithSession
    public Uni<Tagged<PolicyView>> get(UUID tenant, UUID id) {
        return provisioning.ensure(tenant)
                .chain(() -> policies.find(tenant, id))
                .onItem().ifNull().failWith(() -> new NotFound("policy", id))
                .chain(policy -> versions.find(tenant, id, policy.activeVersion).map(version -> tagged(policy, version)));
    }

    @WithSession
    public Uni<Page<PolicyView>> list(UUID tenant, PageParams page) {
        return provisioning.ensure(tenant)
                .chain(() -> policies.page(tenant, page.after(), page.limit() + 1))
                .chain(rows -> versions.active(tenant).map(active -> {
                    Map<UUID, PolicyVersion> byPolicy = active.stream()
                            .collect(Collectors.toMap(v -> v.policyId, Function.identity()));
                    return Page.fromOverfetch(rows, page.limit(), p -> Cursor.of(p.id))
                            .map(p -> view(p, byPolicy.get(p.id)));
                }));
    }

    /**
     * Saves {@code draft} as the policy's next version, and activates it when {@code activate}
     * (after checking the policy's stored tests). Requires {@code If-Match}.
     */
    public Uni<Tagged<PolicyView>> update(UUID tenant, UUID id, String ifMatch, PolicyDraft draft, boolean activate,
            String author) {
        requireCompiles(draft.rules());
        // Another tenant's policy, or a missing one, is a 404 whether or not If-Match was sent.
        return write(tenant, () -> policies.findForUpdate(tenant, id)
                .onItem().ifNull().failWith(() -> new NotFound("policy", id))
                .invoke(policy -> {
                    Preconditions.require(ifMatch, "policy");
                    Preconditions.check(ifMatch, policy.etag(), "policy");
                })
                .call(policy -> uniqueName(tenant, draft.name(), policy.id))
                .chain(policy -> {
                    Instant now = Instant.now();
                    int number = policy.latestVersion + 1;
                    PolicyVersion version = newVersion(policy, number, draft.rules(), author, now);
                    Uni<Void> gate = activate
                            ? activationGate.requirePassing(policy, version)
                            : Uni.createFrom().voidItem();
                    return gate.chain(() -> {
                        policy.name = draft.name();
                        policy.description = draft.description();
                        policy.latestVersion = number;
                        if (activate) {
                            policy.activeVersion = number;
                        }
                        touch(policy, now);
                        return versions.persist(version);
                    }).chain(() -> activate
                            ? Uni.createFrom().item(tagged(policy, version))
                            : versions.find(tenant, id, policy.activeVersion).map(active -> tagged(policy, active)));
                }), draft.name());
    }

    @WithSession
    public Uni<Page<VersionView>> versions(UUID tenant, UUID id, PageParams page) {
        Integer before = page.after() == null ? null : versionKey(page.after());
        return policies.find(tenant, id)
                .onItem().ifNull().failWith(() -> new NotFound("policy", id))
                .chain(policy -> versions.page(tenant, id, before, page.limit() + 1)
                        .map(rows -> Page.fromOverfetch(rows, page.limit(), v -> Cursor.of(v.version))
                                .map(v -> new VersionView(v.version, v.version == policy.activeVersion,
                                        documents.rules(v.document), v.createdAt, v.createdBy))));
    }

    /** Makes version {@code number} the one in force, if it passes the policy's stored tests. */
    public Uni<Tagged<PolicyView>> activate(UUID tenant, UUID id, int number, String ifMatch) {
        return write(tenant, () -> lockedPolicy(tenant, id, ifMatch)
                .chain(policy -> versions.find(tenant, id, number)
                        .onItem().ifNull().failWith(() -> new NotFound("version", id + "/" + number))
                        .call(version -> activationGate.requirePassing(policy, version))
                        .invoke(version -> {
                            policy.activeVersion = number;
                            touch(policy, Instant.now());
                        })
                        .map(version -> tagged(policy, version))),
                null);
    }

    public Uni<Void> delete(UUID tenant, UUID id, String ifMatch) {
        return write(tenant, () -> lockedPolicy(tenant, id, ifMatch)
                .chain(policy -> policies.delete(tenant, policy.id))
                .replaceWithVoid(), null);
    }

    /** Compiles unsaved rules of policy {@code policyId}; 422 (like a save) when they do not compile. */
    public CompiledPolicy compileDraft(UUID policyId, List<RuleDefinition> rules) {
        var compilation = compiler.compile(policyId, 0, rules);
        failUnlessEmpty(compilation.errors());
        return compilation.policy();
    }

    private <T> Uni<T> write(UUID tenant, Supplier<Uni<T>> work, String name) {
        return provisioning.ensure(tenant)
                .chain(() -> writeGuard.whileWriting(tenant, () -> Panache.withTransaction(work)))
                .onFailure(SqlResults::isUniqueViolation)
                .transform(e -> new Conflict("A policy named '" + name + "' already exists"));
    }

    private Uni<Policy> lockedPolicy(UUID tenant, UUID id, String ifMatch) {
        return policies.findForUpdate(tenant, id)
                .onItem().ifNull().failWith(() -> new NotFound("policy", id))
                .invoke(policy -> Preconditions.check(ifMatch, policy.etag(), "policy"));
    }

    private Uni<Void> uniqueName(UUID tenant, String name, UUID self) {
        return policies.findByName(tenant, name).invoke(existing -> {
            if (existing != null && !existing.id.equals(self)) {
                throw new Conflict("A policy named '" + name + "' already exists");
            }
        }).replaceWithVoid();
    }

    private void requireCompiles(List<RuleDefinition> rules) {
        failUnlessEmpty(compiler.compile(Ids.next(), 0, rules).errors());
    }

    /** A save (or simulation) of rules that do not compile is a 422 with the validation detail. */
    private static void failUnlessEmpty(List<CompilationError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "The policy does not compile: "
                            + errors.stream().map(CompilationError::describe).collect(Collectors.joining("; ")),
                    errors.stream().map(e -> new Problem.FieldError(e.field(), e.describe())).toList());
        }
    }

    private PolicyVersion newVersion(Policy policy, int number, List<RuleDefinition> rules, String author, Instant now) {
        PolicyVersion version = new PolicyVersion();
        version.id = Ids.next();
        version.tenantId = policy.tenantId;
        version.policyId = policy.id;
        version.version = number;
        version.document = documents.rulesDocument(rules);
        version.createdAt = now;
        version.createdBy = author;
        return version;
    }

    private static void touch(Policy policy, Instant now) {
        policy.revision++;
        policy.updatedAt = now;
    }

    private Tagged<PolicyView> tagged(Policy policy, PolicyVersion active) {
        return new Tagged<>(view(policy, active), policy.etag());
    }

    private PolicyView view(Policy policy, PolicyVersion active) {
        return new PolicyView(policy.id, policy.name, policy.description, policy.activeVersion, policy.latestVersion,
                active == null ? List.of() : documents.rules(active.document), policy.createdAt, policy.updatedAt);
    }

    private static int versionKey(Cursor cursor) {
        try {
            return Integer.parseInt(cursor.key(0, 1));
        } catch (NumberFormatException e) {
            throw new dev.flotilla.common.error.BadRequest("cursor", "is not a cursor this endpoint returned");
        }
    }
}
