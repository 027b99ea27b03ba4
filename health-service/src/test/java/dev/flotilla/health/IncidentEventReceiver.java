package dev.flotilla.health;

import dev.flotilla.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Test-only: the peers health-service publishes its incident alerts through, over real HTTP on this application's own
 * port: auth-service's token endpoint (client_credentials for the configured service client, a token for the tenant
 * its {@code tenant:<id>} scope names) and notification-service's {@code POST /api/v1/events}, which accepts only
 * tokens the token endpoint issued and records every event with the tenant of its token.
 */
@ApplicationScoped
public class IncidentEventReceiver {

    private static final String CLIENT_ID = "health-service";
    private static final String CLIENT_SECRET = "health-test-secret";
    private static final String SCOPED_GRANT = "grant_type=client_credentials&scope=tenant%3A";

    /** An event that reached the events endpoint: the tenant of its token, its idempotency key and body. */
    public record Received(UUID tenant, String idempotencyKey, JsonObject body) {

        public String type() {
            return body.getString("type");
        }

        public JsonObject data() {
            return body.getJsonObject("data");
        }
    }

    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    void install(@Observes Router router) {
        router.post("/oauth2/token").order(Integer.MIN_VALUE).handler(BodyHandler.create()).handler(this::token);
        router.post("/api/v1/events").order(Integer.MIN_VALUE).handler(BodyHandler.create()).handler(this::event);
    }

    /** The events published for {@code tenant} about the target named {@code target}, in order. */
    public List<Received> about(UUID tenant, String target) {
        return received.stream().filter(r -> r.tenant().equals(tenant) && target.equals(r.data().getString("target")))
                .toList();
    }

    private void event(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !issued.contains(authorization.substring("Bearer ".length()))) {
            rc.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 401).encode());
            return;
        }
        JsonObject body = rc.body().asJsonObject();
        received.add(new Received(tenant(authorization), rc.request().getHeader("Idempotency-Key"), body));
        rc.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("id", UUID.randomUUID().toString()).put("type", body.getString("type"))
                .put("deliveries", body.getJsonArray("recipients").size()).encode());
    }

    private void token(RoutingContext rc) {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        String form = rc.body().asString();
        if (!basic.equals(rc.request().getHeader("Authorization")) || form == null || !form.startsWith(SCOPED_GRANT)) {
            rc.response().setStatusCode(401).end(new JsonObject().put("error", "invalid_client").encode());
            return;
        }
        String token = TestTokens.user(CLIENT_ID, UUID.fromString(form.substring(SCOPED_GRANT.length())), "service");
        issued.add(token);
        rc.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("access_token", token).put("token_type", "Bearer").put("expires_in", 900).encode());
    }

    private static UUID tenant(String authorization) {
        String token = authorization.substring("Bearer ".length());
        JsonObject claims = new JsonObject(
                new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        return UUID.fromString(claims.getString("tid"));
    }
}
