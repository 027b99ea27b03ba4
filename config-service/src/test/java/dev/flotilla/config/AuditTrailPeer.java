package dev.flotilla.config;

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
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: auth-service, over real HTTP on this application's own port: the token endpoint (client_credentials for
 * the configured service client, tokens for the tenant its {@code tenant:<id>} scope names; the other test peers accept
 * only tokens it {@link #issued}) and {@code POST /api/v1/audit-events} (for service tokens only, kept per tenant; it can be
 * told to be
 * unavailable).
 */
@ApplicationScoped
public class AuditTrailPeer {

    static final String CLIENT_ID = "config-service";
    static final String CLIENT_SECRET = "config-test-secret";
    private static final String SCOPED_GRANT = "grant_type=client_credentials&scope=tenant%3A";

    /** An audit event as it reached the trail: the tenant of the token it came with, and its body. */
    private record Audited(UUID tenant, JsonObject event) {
    }

    private final Queue<Audited> audited = new ConcurrentLinkedQueue<>();
    private final AtomicInteger outage = new AtomicInteger();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    void install(@Observes Router router) {
        router.post("/oauth2/token").order(Integer.MIN_VALUE).handler(BodyHandler.create()).handler(this::token);
        router.post("/api/v1/audit-events").order(Integer.MIN_VALUE).handler(BodyHandler.create()).handler(this::audit);
    }

    /** The audit events of {@code tenant} received so far, in order of arrival. */
    public List<JsonObject> audited(UUID tenant) {
        List<JsonObject> events = new ArrayList<>();
        audited.stream().filter(event -> event.tenant().equals(tenant)).forEach(event -> events.add(event.event()));
        return events;
    }

    /** Whether {@code authorization} is {@code Bearer} and a token this endpoint issued. */
    public boolean issued(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && issued.contains(authorization.substring("Bearer ".length()));
    }

    /** The audit trail answers the next {@code requests} requests with 503. */
    public void unavailableFor(int requests) {
        outage.set(requests);
    }

    private void audit(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        if (authorization == null || !claims(authorization).getJsonArray("groups").contains("service")) {
            rc.response().setStatusCode(authorization == null ? 401 : 403).end();
            return;
        }
        if (outage.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            rc.response().setStatusCode(503).end();
            return;
        }
        audited.add(new Audited(UUID.fromString(claims(authorization).getString("tid")), rc.body().asJsonObject()));
        rc.response().setStatusCode(202).end();
    }

    private void token(RoutingContext rc) {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        String form = rc.body().asString();
        if (!basic.equals(rc.request().getHeader("Authorization")) || form == null || !form.startsWith(SCOPED_GRANT)) {
            rc.response().setStatusCode(401).end(new JsonObject().put("error", "invalid_client").encode());
            return;
        }
        UUID tenant = UUID.fromString(form.substring(SCOPED_GRANT.length()));
        String token = TestTokens.user(CLIENT_ID, tenant, "service");
        issued.add(token);
        rc.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("access_token", token).put("token_type", "Bearer")
                .put("expires_in", 900).encode());
    }

    private static JsonObject claims(String authorization) {
        String token = authorization.substring("Bearer ".length());
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
