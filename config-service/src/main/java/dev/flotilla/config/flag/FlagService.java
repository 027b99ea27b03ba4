package dev.flotilla.config.flag;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.PreconditionFailed;
import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.common.request.Preconditions;
import dev.flotilla.config.approval.ApprovalGate;
import dev.flotilla.config.environment.EnvironmentService;
import dev.flotilla.config.environment.EnvironmentSql;
import dev.flotilla.config.targeting.Definitions;
import dev.flotilla.config.targeting.Flag;
import dev.flotilla.config.targeting.FlagSpec;
import dev.flotilla.config.targeting.InvalidDefinition;
import dev.flotilla.config.targeting.Violation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A tenant's flags per environment (one of the tenant's environments: 404 naming it otherwise). Every change goes
 * through {@link #apply}: it checks the definition ({@link Definitions}: a flag that cannot be evaluated is a 422
 * naming the problem), the environment and the segments it names (locked until the change commits, so none is
 * deleted under it) and the request's preconditions, writes the flag at the environment's next version with the
 * flag's next revision, and announces the change to every replica.
 */
@ApplicationScoped
public class FlagService {

    private final Db db;
    private final FlagDocuments documents;
    private final FlagSnapshots snapshots;
    private final ApprovalGate approvals;
    private final EnvironmentService environments;

    public FlagService(Db db, FlagDocuments documents, FlagSnapshots snapshots, ApprovalGate approvals,
            EnvironmentService environments) {
        this.db = db;
        this.documents = documents;
        this.snapshots = snapshots;
        this.approvals = approvals;
        this.environments = environments;
    }

    public Uni<FlagView> get(UUID tenant, String environment, String key) {
        String env = FlagEnvironments.require("env", environment);
        requireKey(key);
        return environments.require(tenant, env).chain(() -> FlagSql.find(db.pool(), tenant, env, key)).map(stored -> {
            if (stored == null) {
                throw new NotFound("flag", key + " in " + env);
            }
            return view(stored);
        });
    }

    public Uni<Page<FlagView>> list(UUID tenant, String environment, PageParams page) {
        String env = FlagEnvironments.require("env", environment);
        String after = page.after() == null ? "" : page.after().key(0, 1);
        return environments.require(tenant, env).chain(() -> FlagSql.page(db.pool(), tenant, env, after, page.limit() + 1))
                .map(rows -> Page.fromOverfetch(rows.stream().map(this::view).toList(), page.limit(),
                        view -> Cursor.of(view.key())));
    }

    /**
     * Puts or deletes a flag, as {@code actor}. A put creates the flag when it does not exist (with
     * {@code If-Match}, a 412) and replaces it when it does, which requires {@code If-Match} with its ETag
     * (428 without, 412 when stale; {@code If-None-Match: *} is a 412 too). A delete requires {@code If-Match}.
     * In an environment that requires approval, a 409 that says to open a change request.
     */
    public Uni<FlagChanged> apply(UUID tenant, String actor, FlagChange change) {
        String env = FlagEnvironments.require("env", change.environment());
        requireKey(change.key());
        Flag checked = change.deletes() ? null : check(change.key(), change.definition());
        return approvals.requireDirectFlags(tenant, env)
                .chain(() -> db.tx(connection -> applyIn(connection, tenant, env, actor, change, checked)))
                .invoke(changed -> snapshots.changed(tenant, env));
    }

    /**
     * {@link #apply(UUID, String, FlagChange)} inside the caller's transaction, as an approved change request applies it:
     * no approval is asked. This replica's flags in memory learn of it from the change's notification, as every other
     * replica's do, once the transaction commits.
     */
    public Uni<FlagChanged> apply(SqlConnection connection, UUID tenant, String actor, FlagChange change) {
        String env = FlagEnvironments.require("env", change.environment());
        requireKey(change.key());
        Flag checked = change.deletes() ? null : check(change.key(), change.definition());
        return applyIn(connection, tenant, env, actor, change, checked);
    }

    private Uni<FlagChanged> applyIn(SqlConnection connection, UUID tenant, String env, String actor, FlagChange change,
            Flag checked) {
        Set<String> segments = checked == null ? Set.of() : checked.segmentReferences().keySet();
        return EnvironmentSql.hold(connection, tenant, env)
                .invoke(exists -> {
                    if (!exists) {
                        throw new NotFound("environment", env);
                    }
                })
                .chain(() -> FlagSql.lockSegments(connection, tenant, segments))
                .invoke(found -> requireSegments(checked, found))
                .chain(() -> FlagSql.nextSetVersion(connection, tenant, env))
                .chain(version -> FlagSql.find(connection, tenant, env, change.key())
                        .chain(current -> write(connection, tenant, env, actor, change, checked, current, version)));
    }

    private Uni<FlagChanged> write(SqlConnection connection, UUID tenant, String env, String actor, FlagChange change,
            Flag checked, FlagSql.StoredFlag current, long version) {
        FlagView before = current == null ? null : view(current);
        requireRollbackChanges(change, current);
        if (change.deletes()) {
            if (before == null) {
                throw new NotFound("flag", change.key() + " in " + env);
            }
            Preconditions.require(change.ifMatch(), "flag");
            Preconditions.check(change.ifMatch(), before.etag(), "flag");
            return FlagSql.delete(connection, tenant, env, change.key())
                    .chain(() -> revision(connection, tenant, env, actor, change, current, null))
                    .call(() -> FlagSql.notifyChange(connection, FlagSnapshots.payload(tenant, env, version)))
                    .map(revision -> new FlagChanged(before, null, revision));
        }
        if (before == null && change.ifMatch() != null && !change.ifMatch().isBlank()) {
            throw new PreconditionFailed("The flag " + change.key() + " does not exist in " + env
                    + "; send no If-Match to create it");
        }
        if (before != null) {
            if ("*".equals(change.ifNoneMatch() == null ? null : change.ifNoneMatch().strip())) {
                throw new PreconditionFailed("The flag " + change.key() + " exists in " + env + " already");
            }
            Preconditions.require(change.ifMatch(), "flag");
            Preconditions.check(change.ifMatch(), before.etag(), "flag");
        }
        return FlagSql.upsert(connection, tenant, env, change.key(), documents.write(change.definition()),
                checked.segmentReferences().keySet(), version, actor)
                .call(() -> FlagSql.notifyChange(connection, FlagSnapshots.payload(tenant, env, version)))
                .chain(stored -> revision(connection, tenant, env, actor, change, current, stored)
                        .map(revision -> new FlagChanged(before, view(stored), revision)));
    }

    /** Records the change as the flag's next revision, with its definition before and after as stored. */
    private static Uni<Long> revision(SqlConnection connection, UUID tenant, String env, String actor, FlagChange change,
            FlagSql.StoredFlag current, FlagSql.StoredFlag stored) {
        String kind = change.rolledBackTo() != null ? "rollback"
                : stored == null ? "delete" : current == null ? "create" : "update";
        return FlagRevisionSql.insert(connection, tenant, env, change.key(), new FlagRevisionSql.Recorded(kind, actor,
                change.message(), change.rolledBackTo(), current == null ? null : current.definition(),
                stored == null ? null : stored.definition()));
    }

    /** A rollback that would leave the flag as it is is a 409, as for entries. */
    private void requireRollbackChanges(FlagChange change, FlagSql.StoredFlag current) {
        if (change.rolledBackTo() == null) {
            return;
        }
        boolean unchanged = change.deletes() ? current == null
                : current != null && documents.sameJson(current.definition(), documents.write(change.definition()));
        if (unchanged) {
            throw new Conflict("Nothing to change: the flag " + change.key() + " already is as revision "
                    + change.rolledBackTo() + " left it");
        }
    }

    /** The definition checked as a write checks it: a 422 naming each problem (segments are checked when it is written). */
    public static Flag check(String key, FlagSpec definition) {
        try {
            return Definitions.flag(key, definition);
        } catch (InvalidDefinition e) {
            throw unprocessable(e.violations());
        }
    }

    private static void requireSegments(Flag checked, Set<String> found) {
        if (checked == null) {
            return;
        }
        List<Violation> missing = checked.segmentReferences().entrySet().stream()
                .filter(reference -> !found.contains(reference.getKey()))
                .map(reference -> new Violation(reference.getValue(), "segment '" + reference.getKey() + "' does not exist"))
                .toList();
        if (!missing.isEmpty()) {
            throw unprocessable(missing);
        }
    }

    /** The 422 of a definition that cannot be saved, naming every problem. */
    public static ProblemException unprocessable(List<Violation> violations) {
        return new ProblemException(ProblemType.UNPROCESSABLE,
                violations.stream().map(Violation::toString).collect(Collectors.joining("; ")),
                violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }

    /** A flag or segment key, checked: a 400 naming {@code key} otherwise. */
    public static void requireKey(String key) {
        if (!Definitions.isKey(key)) {
            throw new BadRequest("key",
                    "is 1 to 100 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
    }

    private FlagView view(FlagSql.StoredFlag stored) {
        try {
            FlagSpec spec = documents.read(stored.definition(), FlagSpec.class);
            return FlagView.of(stored.key(), stored.environment(), spec, stored.version(), stored.createdAt(),
                    stored.createdBy(), stored.updatedAt(), stored.updatedBy());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored flag " + stored.key() + " does not read", e);
        }
    }
}
