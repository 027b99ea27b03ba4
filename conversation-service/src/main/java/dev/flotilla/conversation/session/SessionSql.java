package dev.flotilla.conversation.session;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The statements over {@code chat_sessions}, each scoped to a tenant and, where {@code owner} is given, to that user
 * (null: any user of the tenant, for admins).
 */
final class SessionSql {

    private static final String COLUMNS = "tenant_id, id, owner, agent_id, workspace_session_id, metadata, status,"
            + " created_at, last_active_at, expires_at, ended_at";

    private static final String INSERT = """
            insert into conversation.chat_sessions (%s)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""".formatted(COLUMNS);

    private static final String FIND = """
            select %s from conversation.chat_sessions
             where tenant_id = $1 and id = $2 and ($3::text is null or owner = $3)""".formatted(COLUMNS);

    /** Newest first: ids are time-ordered. */
    private static final String PAGE = """
            select %s from conversation.chat_sessions
             where tenant_id = $1 and ($2::text is null or owner = $2) and ($3::text is null or status = $3)
               and ($4::uuid is null or id < $4)
             order by id desc
             limit $5""".formatted(COLUMNS);

    private static final String TOUCH = """
            update conversation.chat_sessions set last_active_at = $4, expires_at = $5
             where tenant_id = $1 and id = $2 and ($3::text is null or owner = $3) and status = 'ACTIVE'
            returning %s""".formatted(COLUMNS);

    private static final String END = """
            update conversation.chat_sessions set status = 'ENDED', ended_at = $4
             where tenant_id = $1 and id = $2 and ($3::text is null or owner = $3) and status = 'ACTIVE'
            returning %s""".formatted(COLUMNS);

    /** Expires at most $2 sessions past their time at $1; replicas sweeping at once take different ones. */
    private static final String EXPIRE = """
            update conversation.chat_sessions s set status = 'EXPIRED', ended_at = s.expires_at
              from (select tenant_id, id from conversation.chat_sessions
                     where status = 'ACTIVE' and expires_at <= $1
                     order by expires_at
                     limit $2
                       for update skip locked) due
             where s.tenant_id = due.tenant_id and s.id = due.id
            returning s.tenant_id, s.owner""";

    private SessionSql() {
    }

    static Uni<Void> insert(SqlClient client, ChatSession s) {
        return client.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(s.tenant(), s.id(), s.owner(), s.agentId(),
                s.workspaceSessionId(), s.metadata(), s.status().name(), Db.ts(s.createdAt()), Db.ts(s.lastActiveAt()),
                Db.ts(s.expiresAt()), Db.ts(s.endedAt())))).replaceWithVoid();
    }

    static Uni<ChatSession> find(SqlClient client, UUID tenant, UUID id, String owner) {
        return client.preparedQuery(FIND).execute(Tuple.from(Arrays.asList(tenant, id, owner)))
                .map(rows -> SqlResults.firstRow(rows, SessionSql::session));
    }

    static Uni<List<ChatSession>> page(SqlClient client, UUID tenant, String owner, SessionStatus status, UUID before,
            int limit) {
        return client.preparedQuery(PAGE)
                .execute(Tuple.from(Arrays.asList(tenant, owner, status == null ? null : status.name(), before, limit)))
                .map(SessionSql::all);
    }

    static Uni<ChatSession> touch(SqlClient client, UUID tenant, UUID id, String owner, Instant now, Instant expiresAt) {
        return client.preparedQuery(TOUCH)
                .execute(Tuple.from(Arrays.asList(tenant, id, owner, Db.ts(now), Db.ts(expiresAt))))
                .map(rows -> SqlResults.firstRow(rows, SessionSql::session));
    }

    static Uni<ChatSession> end(SqlClient client, UUID tenant, UUID id, String owner, Instant now) {
        return client.preparedQuery(END).execute(Tuple.from(Arrays.asList(tenant, id, owner, Db.ts(now))))
                .map(rows -> SqlResults.firstRow(rows, SessionSql::session));
    }

    /** The owners of the sessions expired, one per session. */
    static Uni<List<SessionsEnded.User>> expire(SqlClient client, Instant now, int limit) {
        return client.preparedQuery(EXPIRE).execute(Tuple.of(Db.ts(now), limit)).map(rows -> {
            List<SessionsEnded.User> owners = new ArrayList<>(rows.size());
            rows.forEach(row -> owners.add(new SessionsEnded.User(row.getUUID("tenant_id"), row.getString("owner"))));
            return owners;
        });
    }

    private static List<ChatSession> all(RowSet<Row> rows) {
        List<ChatSession> sessions = new ArrayList<>(rows.size());
        rows.forEach(row -> sessions.add(session(row)));
        return sessions;
    }

    private static ChatSession session(Row row) {
        return new ChatSession(row.getUUID("tenant_id"), row.getUUID("id"), row.getString("owner"),
                row.getUUID("agent_id"), row.getString("workspace_session_id"), row.getJsonObject("metadata"),
                SessionStatus.valueOf(row.getString("status")), Db.instant(row, "created_at"),
                Db.instant(row, "last_active_at"), Db.instant(row, "expires_at"), Db.instant(row, "ended_at"));
    }
}
