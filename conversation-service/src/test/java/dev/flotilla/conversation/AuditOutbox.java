package dev.flotilla.conversation;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The audit events this service has written for a tenant and not sent yet (tests do not send them). */
@ApplicationScoped
public class AuditOutbox {

    private final Pool pool;

    AuditOutbox(Pool pool) {
        this.pool = pool;
    }

    /** {@code type}, {@code actor}, {@code subject} and {@code detail} of each event, oldest first. */
    public List<JsonObject> of(UUID tenant) {
        List<JsonObject> events = new ArrayList<>();
        pool.preparedQuery("select type, actor, subject, detail from conversation.audit_outbox where tenant_id = $1"
                + " order by created_at, id").execute(Tuple.of(tenant)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> events.add(new JsonObject().put("type", row.getString("type"))
                        .put("actor", row.getString("actor")).put("subject", row.getString("subject"))
                        .put("detail", row.getJsonObject("detail"))));
        return events;
    }

    public List<String> types(UUID tenant) {
        return of(tenant).stream().map(event -> event.getString("type")).toList();
    }
}
