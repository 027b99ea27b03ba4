package dev.flotilla.notification;

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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: auth-service's side of the e-mail channel, over real HTTP on this application's own
 * port: the token endpoint (client_credentials for the configured service client, tokens for the
 * tenant its {@code tenant:<id>} scope names), the users' contacts the tests register, and the audit trail
 * ({@code POST /api/v1/audit-events}, for service tokens only, kept per tenant; it can be told to be unavailable).
 */
@ApplicationScoped
public class AuthPeer {

    static final String CLIENT_ID = "notification-service";
    static final String CLIENT_SECRET = "notification-test-secret";
    private static final String SCOPED_GRANT = "grant_type=client_credentials&scope=tenant%3A";

    private record Known(UUID tenant, JsonObject contact) {
    }

    /** An audit event as it reached the trail: the tenant of the token it came with, and its body. */
    public record Audited(UUID tenant, JsonObject event) {
    }

    private final Map<UUID, Known> contacts = new ConcurrentHashMap<>();
    private final Queue<Audited> audited = new ConcurrentLinkedQueue<>();
    private final AtomicInteger auditOutage = new AtomicInteger();

    void install(@Observes Router router) {
        router.post("/oauth2/token").order(Integer.MIN_VALUE).handler(BodyHandler.create()).handler(this::token);
        router.get("/api/v1/users/:id/contact").order(Integer.MIN_VALUE).handler(this::contact);
        router.post("/api/v1/audit-events").order(Integer.MIN_VALUE).handler(BodyHandler.create()).handler(this::audit);
    }

    /** The audit events of {@code tenant} received so far, in order. */
    public List<JsonObject> audited(UUID tenant) {
        List<JsonObject> events = new ArrayList<>();
        audited.stream().filter(event -> event.tenant().equals(tenant)).forEach(event -> events.add(event.event()));
        return events;
    }

    /** The audit trail answers the next {@code requests} requests with 503. */
    public void auditUnavailableFor(int requests) {
        auditOutage.set(requests);
    }

    private void audit(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        if (authorization == null || !isServiceToken(authorization)) {
            rc.response().setStatusCode(authorization == null ? 401 : 403).end();
            return;
        }
        if (auditOutage.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            rc.response().setStatusCode(503).end();
            return;
        }
        audited.add(new Audited(tenantOf(authorization), rc.body().asJsonObject()));
        rc.response().setStatusCode(202).end();
    }

    /** auth-service knows this user of {@code tenant}, with this address and status. */
    public void knows(UUID tenant, UUID user, String email, String status) {
        contacts.put(user, new Known(tenant, new JsonObject().put("id", user.toString()).put("tenantId", tenant.toString())
                .put("email", email).put("displayName", "User " + email).put("status", status)));
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
        rc.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("access_token", TestTokens.user(CLIENT_ID, tenant, "service")).put("token_type", "Bearer")
                .put("expires_in", 900).encode());
    }

    /** The contact, for a service token of the user's tenant only (as auth-service answers). */
    private void contact(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        Known known = contacts.get(UUID.fromString(rc.pathParam("id")));
        if (authorization == null || known == null || !tenantOf(authorization).equals(known.tenant())) {
            rc.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 404).encode());
            return;
        }
        rc.response().putHeader("Content-Type", "application/json").end(known.contact().encode());
    }

    private static UUID tenantOf(String authorization) {
        return UUID.fromString(claims(authorization).getString("tid"));
    }

    private static boolean isServiceToken(String authorization) {
        return claims(authorization).getJsonArray("groups").contains("service");
    }

    private static JsonObject claims(String authorization) {
        String token = authorization.substring("Bearer ".length());
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
