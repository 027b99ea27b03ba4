package dev.flotilla.task;

import dev.flotilla.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Test-only: the peers task-service's notifications go to, over real HTTP on this application's
 * own port. auth-service's token endpoint issues tokens of the service client configured for the
 * tests, acting for the tenant its {@code tenant:<id>} scope names (as for a platform's client); notification-service's
 * {@code POST /api/v1/events}
 * accepts only those tokens, keeps each idempotency key's first event (a repeat answers its id,
 * another request under the key is a 409, as the real service does), records every request, and
 * answers 503 to the events a test makes unavailable.
 */
@ApplicationScoped
public class NotificationReceiver {

    static final String CLIENT_ID = "svc-task-test";
    static final String CLIENT_SECRET = "task-test-secret";
    private static final String SCOPED_GRANT = "grant_type=client_credentials&scope=tenant%3A";

    /** A request that reached the events endpoint, and the status it was answered with. */
    record Received(String authorization, String idempotencyKey, JsonObject body, int status) {

        String type() {
            return body.getString("type");
        }

        JsonObject data() {
            return body.getJsonObject("data");
        }
    }

    private record Accepted(UUID id, JsonObject body) {
    }

    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private volatile Predicate<JsonObject> unavailable = body -> false;

    void install(@Observes Router router) {
        router.post("/oauth2/token").order(Integer.MIN_VALUE).handler(BodyHandler.create()).handler(this::token);
        router.post("/api/v1/events").order(Integer.MIN_VALUE).handler(BodyHandler.create()).handler(this::event);
    }

    private void token(RoutingContext rc) {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(rc.request().getHeader("Authorization"))
                || !rc.body().asString().startsWith(SCOPED_GRANT)) {
            rc.response().setStatusCode(401).end(new JsonObject().put("error", "invalid_client").encode());
            return;
        }
        UUID tenant = UUID.fromString(rc.body().asString().substring(SCOPED_GRANT.length()));
        String token = TestTokens.user(CLIENT_ID, tenant, "service");
        issued.add(token);
        rc.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("access_token", token).put("token_type", "Bearer").put("expires_in", 900).encode());
    }

    private void event(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        String key = rc.request().getHeader("Idempotency-Key");
        JsonObject body = rc.body().asJsonObject();
        int status;
        UUID id = null;
        if (authorization == null || !issued.contains(authorization.substring("Bearer ".length()))) {
            status = 401;
        } else if (unavailable.test(body)) {
            status = 503;
        } else {
            Accepted first = accepted.computeIfAbsent(key, k -> new Accepted(UUID.randomUUID(), body));
            status = first.body().equals(body) ? 201 : 409;
            id = first.id();
        }
        received.add(new Received(authorization, key, body, status));
        rc.response().setStatusCode(status);
        if (status == 201) {
            rc.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("id", id.toString())
                    .put("type", body.getString("type")).put("deliveries", body.getJsonArray("recipients").size()).encode());
        } else {
            rc.response().putHeader("Content-Type", "application/problem+json").putHeader("Retry-After", "1")
                    .end(new JsonObject().put("status", status).encode());
        }
    }

    /** Events matching {@code which} are answered 503 until {@link #available()}. */
    void unavailableFor(Predicate<JsonObject> which) {
        unavailable = which;
    }

    void available() {
        unavailable = body -> false;
    }

    /** Every request that reached the events endpoint, in order. */
    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests about this task or workflow (its id in the data), in order. */
    List<Received> about(UUID aggregate) {
        return received().stream().filter(r -> aggregate.toString().equals(r.data().getString("taskId"))
                || (r.data().getString("taskId") == null && aggregate.toString().equals(r.data().getString("workflowId"))))
                .toList();
    }

    /** The distinct events accepted, by idempotency key, among these requests. */
    static long distinctAccepted(List<Received> requests) {
        return requests.stream().filter(r -> r.status() == 201).map(Received::idempotencyKey).distinct().count();
    }
}
