package dev.flotilla.common.audit;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.work.OutboxShipping;
import dev.flotilla.common.work.OutboxSql;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * The statements over {@code audit_outbox}, a table of the service's own schema ({@code flotilla.schema}): every
 * service that keeps an outbox creates it there with the same columns.
 */
@ApplicationScoped
class AuditSql {

    /** An event waiting to be sent, with how many times it has been claimed. */
    record Pending(UUID id, UUID tenant, AuditRecord event, int attempts) implements OutboxShipping.Claimed {

        @Override
        public String label() {
            return "audit event " + id + " (" + event.type() + ")";
        }
    }

    private final OutboxSql outbox;
    private final String insert;

    AuditSql(@ConfigProperty(name = "flotilla.schema") String schema) {
        this.outbox = new OutboxSql(schema, "audit_outbox", "o.tenant_id, o.type, o.actor, o.subject, o.detail");
        this.insert = """
                insert into %s (id, tenant_id, type, actor, subject, detail, created_at, next_attempt_at)
                values ($1, $2, $3, $4, $5, $6, $7, $7)""".formatted(outbox.table());
    }

    /** The claim, delete and postpone of the outbox's rows. */
    OutboxSql outbox() {
        return outbox;
    }

    Uni<Void> insert(SqlClient client, UUID id, UUID tenant, AuditRecord event, Instant now) {
        return client.preparedQuery(insert)
                .execute(Tuple.of(id, tenant, event.type(), event.actor(), event.subject(), new JsonObject(event.detail()))
                        .addValue(Db.ts(now)))
                .replaceWithVoid();
    }

    /** A claimed row. */
    static Pending pending(Row row) {
        return new Pending(row.getUUID("id"), row.getUUID("tenant_id"),
                new AuditRecord(row.getString("type"), row.getString("actor"), row.getString("subject"),
                        row.getJsonObject("detail").getMap()),
                row.getInteger("attempts"));
    }
}
