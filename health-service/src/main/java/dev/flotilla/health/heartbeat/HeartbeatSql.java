package dev.flotilla.health.heartbeat;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** The statements over {@code heartbeats}: a push target's token and its last heartbeat. */
final class HeartbeatSql {

    /** A new token for the target, replacing any before it; the last heartbeat stays. */
    private static final String ISSUE = """
            insert into health.heartbeats (tenant_id, target_id, token_hash) values ($1, $2, $3)
            on conflict (tenant_id, target_id) do update set token_hash = excluded.token_hash""";

    /**
     * The token of push target $1, found by id alone: a heartbeat carries no tenant, its token is the credential, and
     * what it may change is then limited to the tenant the row names.
     */
    private static final String TOKEN = """
            select h.tenant_id, h.token_hash from health.heartbeats h
              join health.targets t on t.tenant_id = h.tenant_id and t.id = h.target_id
             where h.target_id = $1 and t.kind = 'push'""";

    /**
     * Records a heartbeat at $3 reporting $4 and $5. Within a second of the last one, a heartbeat reporting the same
     * writes nothing: a job that sends many cannot make the table churn, and a second is less than any check can tell.
     */
    private static final String RECORD = """
            update health.heartbeats
               set last_at = greatest(last_at, $3::timestamptz), status = $4, message = $5
             where tenant_id = $1 and target_id = $2
               and (last_at is null or last_at <= $3::timestamptz - interval '1 second'
                    or status is distinct from $4 or message is distinct from $5)""";

    private static final String LAST = """
            select last_at, status, message from health.heartbeats where tenant_id = $1 and target_id = $2""";

    private HeartbeatSql() {
    }

    static Uni<Void> issue(SqlClient client, UUID tenant, UUID target, byte[] hash) {
        return client.preparedQuery(ISSUE).execute(Tuple.of(tenant, target, Buffer.buffer(hash))).replaceWithVoid();
    }

    /** The tenant and token hash of push target {@code target}, or null when it has none. */
    static Uni<Token> token(SqlClient client, UUID target) {
        return client.preparedQuery(TOKEN).execute(Tuple.of(target)).map(rows -> SqlResults.firstRow(rows,
                row -> new Token(row.getUUID("tenant_id"), row.getBuffer("token_hash").getBytes())));
    }

    static Uni<Void> record(SqlClient client, UUID tenant, UUID target, Instant at, boolean down, String message) {
        return client.preparedQuery(RECORD)
                .execute(Tuple.from(Arrays.asList(tenant, target, Db.ts(at), down ? "down" : "up", message)))
                .replaceWithVoid();
    }

    /** The target's last heartbeat; none when it has not sent one (or has no token yet). */
    static Uni<Heartbeat> last(SqlClient client, UUID tenant, UUID target) {
        return client.preparedQuery(LAST).execute(Tuple.of(tenant, target)).map(rows -> {
            Heartbeat found = SqlResults.firstRow(rows, row -> heartbeat(tenant, target, row));
            return found != null ? found : Heartbeat.none(tenant, target);
        });
    }

    private static Heartbeat heartbeat(UUID tenant, UUID target, Row row) {
        return new Heartbeat(tenant, target, Db.instant(row, "last_at"), "down".equals(row.getString("status")),
                row.getString("message"));
    }

    /** A push target's tenant and the hash of its token. */
    record Token(UUID tenant, byte[] hash) {
    }
}
