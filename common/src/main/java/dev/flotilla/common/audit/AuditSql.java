package dev.flotilla.common.audit;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The statements over {@code audit_outbox}, a table of the service's own schema ({@code flotilla.schema}): every
 * service that keeps an outbox creates it there with the same columns.
 */
@ApplicationScoped
class AuditSql {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]*");

    /** An event waiting to be sent, with how many times it has been claimed. */
    record Pending(UUID id, UUID tenant, AuditRecord event, int attempts) {
    }

    private final String insert;
    private final String claim;
    private final String delete;
    private final String postpone;

    AuditSql(@ConfigProperty(name = "flotilla.schema") String schema) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("flotilla.schema is not a plain schema name: " + schema);
        }
        String table = schema + ".audit_outbox";
        this.insert = """
                insert into %s (id, tenant_id, type, actor, subject, detail, created_at, next_attempt_at)
                values ($1, $2, $3, $4, $5, $6, $7, $7)""".formatted(table);
        // The oldest due rows, leased until $3.
        this.claim = """
                update %1$s o
                   set next_attempt_at = $3, attempts = o.attempts + 1
                  from (select id from %1$s
                         where next_attempt_at <= $1
                         order by next_attempt_at, id
                         limit $2
                           for update skip locked) due
                 where o.id = due.id
                returning o.id, o.tenant_id, o.type, o.actor, o.subject, o.detail, o.attempts""".formatted(table);
        this.delete = "delete from " + table + " where id = $1";
        this.postpone = "update " + table + " set next_attempt_at = $2 where id = $1";
    }

    Uni<Void> insert(SqlClient client, UUID id, UUID tenant, AuditRecord event, Instant now) {
        return client.preparedQuery(insert)
                .execute(Tuple.of(id, tenant, event.type(), event.actor(), event.subject(), new JsonObject(event.detail()))
                        .addValue(Db.ts(now)))
                .replaceWithVoid();
    }

    Uni<List<Pending>> claim(SqlClient client, Instant now, int limit, Instant leaseUntil) {
        return client.preparedQuery(claim).execute(Tuple.of(Db.ts(now), limit, Db.ts(leaseUntil))).map(rows -> {
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

    Uni<Void> delete(SqlClient client, UUID id) {
        return client.preparedQuery(delete).execute(Tuple.of(id)).replaceWithVoid();
    }

    Uni<Void> postpone(SqlClient client, UUID id, Instant until) {
        return client.preparedQuery(postpone).execute(Tuple.of(id, Db.ts(until))).replaceWithVoid();
    }
}
