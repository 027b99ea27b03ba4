package dev.flotilla.notification.audit;

import dev.flotilla.common.audit.AuditRecord;
import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The statements over {@code audit_outbox}. */
final class AuditSql {

    private static final String INSERT = """
            insert into notification.audit_outbox (id, tenant_id, type, actor, subject, detail, created_at, next_attempt_at)
            values ($1, $2, $3, $4, $5, $6, $7, $7)""";

    /** The oldest due rows, leased until {@code $3}. */
    private static final String CLAIM = """
            update notification.audit_outbox o
               set next_attempt_at = $3, attempts = o.attempts + 1
              from (select id from notification.audit_outbox
                     where next_attempt_at <= $1
                     order by next_attempt_at, id
                     limit $2
                       for update skip locked) due
             where o.id = due.id
            returning o.id, o.tenant_id, o.type, o.actor, o.subject, o.detail, o.attempts""";

    private static final String DELETE = "delete from notification.audit_outbox where id = $1";
    private static final String POSTPONE = "update notification.audit_outbox set next_attempt_at = $2 where id = $1";

    private AuditSql() {
    }

    /** An event waiting to be sent, with how many times it has been claimed. */
    record Pending(UUID id, UUID tenant, AuditRecord event, int attempts) {
    }

    static Uni<Void> insert(SqlClient client, UUID id, UUID tenant, AuditRecord event, Instant now) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.of(id, tenant, event.type(), event.actor(), event.subject(), new JsonObject(event.detail()))
                        .addValue(Db.ts(now)))
                .replaceWithVoid();
    }

    static Uni<List<Pending>> claim(SqlClient client, Instant now, int limit, Instant leaseUntil) {
        return client.preparedQuery(CLAIM).execute(Tuple.of(Db.ts(now), limit, Db.ts(leaseUntil))).map(rows -> {
            List<Pending> pending = new ArrayList<>();
            for (Row row : rows) {
                pending.add(new Pending(row.getUUID("id"), row.getUUID("tenant_id"),
                        new AuditRecord(row.getString("type"), row.getString("actor"), row.getString("subject"),
                                row.getJsonObject("detail").getMap()),
                        row.getInteger("attempts")));
            }
            return pending;
        });
    }

    static Uni<Void> delete(SqlClient client, UUID id) {
        return client.preparedQuery(DELETE).execute(Tuple.of(id)).replaceWithVoid();
    }

    static Uni<Void> postpone(SqlClient client, UUID id, Instant until) {
        return client.preparedQuery(POSTPONE).execute(Tuple.of(id, Db.ts(until))).replaceWithVoid();
    }
}
