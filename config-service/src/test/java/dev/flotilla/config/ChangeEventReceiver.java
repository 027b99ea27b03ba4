package dev.flotilla.config;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Test-only: notification-service, which config-service publishes its {@code config.changed} events to, over real
 * HTTP on this application's own port: {@code POST /api/v1/events} accepts only tokens of the service client that
 * {@link AuditTrailPeer} (auth-service) issued, records every request with the status it answered, and answers 503 to the
 * events a test
 * makes unavailable.
 */
@ApplicationScoped
public class ChangeEventReceiver {

    /** A request that reached the events endpoint, and the status it was answered with. */
    public record Received(String authorization, String idempotencyKey, JsonObject body, int status) {

        public JsonObject data() {
            return body.getJsonObject("data");
        }
    }

    private final AuditTrailPeer auth;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private volatile Predicate<JsonObject> unavailable = body -> false;

    public ChangeEventReceiver(AuditTrailPeer auth) {
        this.auth = auth;
    }

    void install(@Observes Router router) {
        router.post("/api/v1/events").order(Integer.MIN_VALUE).handler(BodyHandler.create()).handler(this::event);
    }

    private void event(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        JsonObject body = rc.body().asJsonObject();
        int status = !auth.issued(authorization) ? 401
                : unavailable.test(body) ? 503 : 201;
        received.add(new Received(authorization, rc.request().getHeader("Idempotency-Key"), body, status));
        rc.response().setStatusCode(status);
        if (status == 201) {
            rc.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("id", UUID.randomUUID().toString()).put("type", body.getString("type"))
                    .put("deliveries", body.getJsonArray("recipients").size()).encode());
        } else {
            rc.response().putHeader("Content-Type", "application/problem+json").putHeader("Retry-After", "1")
                    .end(new JsonObject().put("status", status).encode());
        }
    }

    /** Events matching {@code which} are answered 503 until {@link #available()}. */
    public void unavailableFor(Predicate<JsonObject> which) {
        unavailable = which;
    }

    public void available() {
        unavailable = body -> false;
    }

    /** The requests about the namespace (its name in the data), in order. */
    public List<Received> about(String namespace) {
        return received.stream().filter(r -> r.data() != null && namespace.equals(r.data().getString("namespace")))
                .toList();
    }
}
