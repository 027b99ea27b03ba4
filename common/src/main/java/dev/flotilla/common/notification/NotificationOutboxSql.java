package dev.flotilla.common.notification;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.work.OutboxShipping;
import dev.flotilla.common.work.OutboxSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * The statements over {@code notification_outbox}, a table of the service's own schema ({@code flotilla.schema}):
 * every service that keeps the outbox creates it there with the same columns. {@code data} is {@code json}, not
 * {@code jsonb}, so it keeps its keys' order and a repeat under the row's idempotency key is the same request.
 */
@ApplicationScoped
class NotificationOutboxSql {

    /** An event waiting to be published to its topic, its data as JSON text, with how many times it has been claimed. */
    record Pending(UUID id, UUID tenant, String type, String subject, String topic, String data, int attempts)
            implements
                OutboxShipping.Claimed {

        @Override
        public String label() {
            return type + " event " + id + " (topic " + topic + ")";
        }
    }

    private final OutboxSql outbox;
    private final String insert;

    NotificationOutboxSql(@ConfigProperty(name = "flotilla.schema") String schema) {
        this.outbox = new OutboxSql(schema, "notification_outbox",
                "o.tenant_id, o.type, o.subject, o.topic, o.data::text as data");
        this.insert = """
                insert into %s (id, tenant_id, type, subject, topic, data, created_at, next_attempt_at)
                values ($1, $2, $3, $4, $5, $6::text::json, $7, $7)""".formatted(outbox.table());
    }

    /** The claim, delete and postpone of the outbox's rows. */
    OutboxSql outbox() {
        return outbox;
    }

    Uni<Void> insert(SqlClient tx, UUID id, UUID tenant, String type, String subject, String topic, String data,
            Instant now) {
        return tx.preparedQuery(insert)
                .execute(Tuple.from(Arrays.asList(id, tenant, type, subject, topic, data, Db.ts(now))))
                .replaceWithVoid();
    }

    /** A claimed row. */
    static Pending pending(Row row) {
        return new Pending(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("type"), row.getString("subject"),
                row.getString("topic"), row.getString("data"), row.getInteger("attempts"));
    }
}
