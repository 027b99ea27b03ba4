package dev.flotilla.notification.event;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.UUID;

/** The statements over {@code events}: the event written with its deliveries, and read back. */
public final class EventSql {

    private static final String COLUMNS = "id, tenant_id, type, subject, data, critical, recipients, published_by, created_at";

    /** Nothing is written when the publisher's idempotency key is taken; {@link #findByIdempotencyKey} then answers. */
    private static final String INSERT = """
            insert into notification.events (id, tenant_id, type, subject, data, critical, recipients, published_by,
                                             idempotency_key, idempotency_hash, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            on conflict (tenant_id, published_by, idempotency_key) where idempotency_key is not null do nothing""";

    private static final String FIND = "select " + COLUMNS + " from notification.events where tenant_id = $1 and id = $2";

    private static final String FIND_BY_IDEMPOTENCY_KEY = """
            select %s, idempotency_hash from notification.events
             where tenant_id = $1 and published_by = $2 and idempotency_key = $3""".formatted(COLUMNS);

    /** An event published under an idempotency key, and the fingerprint of the request that published it. */
    public record Keyed(Event event, String hash) {
    }

    private EventSql() {
    }

    /**
     * Writes the event; answers false, writing nothing, when its publisher already used {@code idempotencyKey}
     * ({@code hash} fingerprints the request, so a repeat can be told from another request under the same key).
     */
    public static Uni<Boolean> insert(SqlClient client, Event event, String idempotencyKey, String hash) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] { event.id(), event.tenant(), event.type(), event.subject(), event.data(),
                        event.critical(), event.recipients(), event.publishedBy(), idempotencyKey, hash,
                        Db.ts(event.createdAt()) }))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The tenant's event, or null (another tenant's event is as absent as a missing one). */
    public static Uni<Event> find(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, id)).map(rows -> SqlResults.firstRow(rows, EventSql::event));
    }

    /** The event its publisher sent first with {@code idempotencyKey}, or null. */
    public static Uni<Keyed> findByIdempotencyKey(SqlClient client, UUID tenant, String publishedBy, String idempotencyKey) {
        return client.preparedQuery(FIND_BY_IDEMPOTENCY_KEY)
                .execute(Tuple.of(tenant, publishedBy, idempotencyKey))
                .map(rows -> SqlResults.firstRow(rows, row -> new Keyed(event(row), row.getString("idempotency_hash"))));
    }

    private static Event event(Row row) {
        Object data = row.getValue("data");
        Object recipients = row.getValue("recipients");
        return new Event(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("type"), row.getString("subject"),
                data instanceof JsonObject object ? object : new JsonObject(String.valueOf(data)), row.getBoolean("critical"),
                recipients instanceof JsonArray array ? array : new JsonArray(String.valueOf(recipients)),
                row.getString("published_by"), Db.instant(row, "created_at"));
    }
}
