package dev.flotilla.config.change;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The statements over {@code change_requests}; each is scoped to a tenant but the claim of due requests. */
final class ChangeRequestSql {

    private static final String COLUMNS = """
            id, tenant_id, kind, namespace_id, namespace, environment, state, author, message, changes::text as changes,
            apply_at, created_at, reviewed_by, reviewed_at, reason, applied_at, revision""";

    private static final String INSERT = """
            insert into config.change_requests (id, tenant_id, kind, namespace_id, namespace, environment, state, author,
                                                message, changes, apply_at, created_at)
            values ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $8, $9::text::json, $10, $11)""";

    private static final String FIND = "select " + COLUMNS + " from config.change_requests where tenant_id = $1 and id = $2";

    private static final String LOCK = FIND + " for update";

    /** $2 state, $3 namespace, $4 environment: null for any; $5: the last id of the page before, null for the first. */
    private static final String PAGE = "select " + COLUMNS + """
             from config.change_requests
            where tenant_id = $1 and ($2::text is null or state = $2) and ($3::text is null or namespace = $3)
              and ($4::text is null or environment = $4) and ($5::uuid is null or id < $5)
            order by id desc limit $6""";

    /** A scheduled request that is due, locked; one another replica holds already is passed over. */
    private static final String CLAIM_DUE = "select " + COLUMNS + """
             from config.change_requests where state = 'SCHEDULED' and apply_at <= now()
            order by apply_at limit 1 for update skip locked""";

    private static final String REVIEW = """
            update config.change_requests set state = $3, reviewed_by = $4, reviewed_at = $5, reason = $6
             where tenant_id = $1 and id = $2""";

    /** Reviewer and review time stay as they are when $4 is null: a scheduled request's approver. */
    private static final String FINISH = """
            update config.change_requests
               set state = $3, reviewed_by = coalesce($4, reviewed_by), reviewed_at = coalesce($5, reviewed_at), reason = $6,
                   applied_at = $7, revision = $8
             where tenant_id = $1 and id = $2""";

    private ChangeRequestSql() {
    }

    static Uni<Void> insert(SqlClient client, ChangeRequestRow row, String changes) {
        return client.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(row.id(), row.tenant(), row.kind().wire(),
                row.namespaceId(), row.namespace(), row.environment(), row.author(), row.message(), changes,
                row.applyAt() == null ? null : Db.ts(row.applyAt()), Db.ts(row.createdAt())))).replaceWithVoid();
    }

    static Uni<ChangeRequestRow> find(SqlClient client, UUID tenant, UUID id, ChangeDocuments documents) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, id))
                .map(rows -> SqlResults.firstRow(rows, row -> row(row, documents)));
    }

    /** The request, locked until the caller's transaction ends; null when the tenant has none of that id. */
    static Uni<ChangeRequestRow> lock(SqlClient client, UUID tenant, UUID id, ChangeDocuments documents) {
        return client.preparedQuery(LOCK).execute(Tuple.of(tenant, id))
                .map(rows -> SqlResults.firstRow(rows, row -> row(row, documents)));
    }

    static Uni<List<ChangeRequestRow>> page(SqlClient client, UUID tenant, State state, String namespace, String environment,
            UUID before, int limit, ChangeDocuments documents) {
        return client.preparedQuery(PAGE)
                .execute(Tuple.from(Arrays.asList(tenant, state == null ? null : state.name(), namespace, environment, before,
                        limit)))
                .map(rows -> {
                    List<ChangeRequestRow> found = new ArrayList<>(rows.size());
                    rows.forEach(row -> found.add(row(row, documents)));
                    return found;
                });
    }

    /** A due scheduled request, locked, of any tenant; null when none is due or every due one is being applied. */
    static Uni<ChangeRequestRow> claimDue(SqlClient client, ChangeDocuments documents) {
        return client.preparedQuery(CLAIM_DUE).execute()
                .map(rows -> SqlResults.firstRow(rows, row -> row(row, documents)));
    }

    static Uni<Void> review(SqlClient client, UUID tenant, UUID id, State state, String reviewer, Instant at, String reason) {
        return client.preparedQuery(REVIEW)
                .execute(Tuple.from(Arrays.asList(tenant, id, state.name(), reviewer, Db.ts(at), reason))).replaceWithVoid();
    }

    static Uni<Void> finish(SqlClient client, UUID tenant, UUID id, State state, String reviewer, Instant at, String reason,
            Long revision) {
        return client.preparedQuery(FINISH).execute(Tuple.from(Arrays.asList(tenant, id, state.name(), reviewer,
                reviewer == null ? null : Db.ts(at), reason, state == State.APPLIED ? Db.ts(at) : null, revision)))
                .replaceWithVoid();
    }

    /** Marks where a failed application is undone to, keeping the lock on the request. */
    static Uni<Void> savepoint(SqlClient client) {
        return client.query("savepoint applying").execute().replaceWithVoid();
    }

    /** Undoes everything since {@link #savepoint}. */
    static Uni<Void> undo(SqlClient client) {
        return client.query("rollback to savepoint applying").execute().replaceWithVoid();
    }

    private static ChangeRequestRow row(Row row, ChangeDocuments documents) {
        return new ChangeRequestRow(row.getUUID("id"), row.getUUID("tenant_id"),
                Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)),
                row.getUUID("namespace_id"), row.getString("namespace"), row.getString("environment"),
                State.valueOf(row.getString("state")), row.getString("author"), row.getString("message"),
                documents.read(row.getString("changes")), Db.instant(row, "apply_at"), Db.instant(row, "created_at"),
                row.getString("reviewed_by"), Db.instant(row, "reviewed_at"), row.getString("reason"),
                Db.instant(row, "applied_at"), row.getLong("revision"));
    }
}
