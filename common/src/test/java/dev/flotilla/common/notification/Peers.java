package dev.flotilla.common.notification;

import dev.flotilla.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URLDecoder;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: the peers the shared clients call, over real HTTP on this application's own port —
 * auth-service's token endpoint (client_credentials with HTTP Basic and a {@code tenant:<id>} scope, tokens for that tenant
 * with the role {@code service}) and notification-service's {@code POST /api/v1/events}, which
 * accepts only tokens issued here and not revoked, answers a repeated idempotency key with the
 * first event's id, and records every request, and auth-service's {@code POST /api/v1/audit-events}, which accepts the same
 * tokens and records every event. Each can be told to answer the next requests
 * with an error status, and token answers can be held back until released.
 */
@ApplicationScoped
public class Peers {

    public static final UUID TENANT = UUID.fromString("0190a0b0-0000-7000-8000-00000000c0de");
    public static final String CLIENT_ID = "svc-common-test";
    /** Characters that must be form-encoded inside HTTP Basic (RFC 6749 §2.3.1). */
    public static final String CLIENT_SECRET = "common test secret/with:specials%";

    /** A request that reached the events endpoint. */
    public record Received(String authorization, String idempotencyKey, String contentType, JsonObject body) {
    }

    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Queue<Integer> tokenFailures = new ConcurrentLinkedQueue<>();
    private final Queue<RoutingContext> held = new ConcurrentLinkedQueue<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Queue<Integer> eventFailures = new ConcurrentLinkedQueue<>();
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, UUID> keys = new ConcurrentHashMap<>();
    private final Queue<Integer> auditFailures = new ConcurrentLinkedQueue<>();
    private final Queue<Received> audited = new ConcurrentLinkedQueue<>();
    private volatile long expiresIn = 900;
    private volatile boolean holding;
    private volatile boolean ignoringScope;

    void install(@Observes Router router) {
        router.post("/oauth2/token").order(Integer.MIN_VALUE).handler(BodyHandler.create()).handler(this::token);
        router.post("/api/v1/events").order(Integer.MIN_VALUE).handler(BodyHandler.create())
                .handler(rc -> event(rc, rc.body().asJsonObject()));
        router.post("/api/v1/audit-events").order(Integer.MIN_VALUE).handler(BodyHandler.create()).handler(this::audit);
    }

    private void audit(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        audited.add(new Received(authorization, null, rc.request().getHeader("Content-Type"), rc.body().asJsonObject()));
        String token = authorization == null ? "" : authorization.substring("Bearer ".length());
        if (!issued.contains(token) || revoked.contains(token)) {
            rc.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
            return;
        }
        Integer failure = auditFailures.poll();
        rc.response().setStatusCode(failure == null ? 202 : failure).end();
    }

    private void token(RoutingContext rc) {
        tokenRequests.incrementAndGet();
        Integer failure = tokenFailures.poll();
        if (failure != null) {
            rc.response().setStatusCode(failure).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", failure == 401 ? "invalid_client" : "unavailable").encode());
            return;
        }
        if (!(CLIENT_ID + ":" + CLIENT_SECRET).equals(basic(rc.request().getHeader("Authorization")))) {
            rc.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "invalid_client").encode());
            return;
        }
        String form = rc.body().asString();
        String scopePrefix = "grant_type=client_credentials&scope=tenant%3A";
        if (form == null || !form.startsWith(scopePrefix)) {
            rc.response().setStatusCode(400).end(new JsonObject().put("error", "invalid_request").encode());
        } else if (holding) {
            held.add(rc);
        } else {
            issue(rc);
        }
    }

    /** A token for the tenant the request's scope names (as auth-service answers a platform's client), or {@link #TENANT}. */
    private void issue(RoutingContext rc) {
        String form = rc.body().asString();
        UUID tenant = ignoringScope ? TENANT : UUID.fromString(form.substring(form.indexOf("%3A") + 3));
        String token = TestTokens.user(CLIENT_ID, tenant, "service");
        issued.add(token);
        rc.response().setStatusCode(200).putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("access_token", token).put("token_type", "Bearer").put("expires_in", expiresIn)
                        .encode());
    }

    private static String basic(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8) + ":"
                + URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
    }

    private void event(RoutingContext rc, JsonObject body) {
        String authorization = rc.request().getHeader("Authorization");
        String key = rc.request().getHeader("Idempotency-Key");
        received.add(new Received(authorization, key, rc.request().getHeader("Content-Type"), body));
        String token = authorization == null ? "" : authorization.substring("Bearer ".length());
        if (!issued.contains(token) || revoked.contains(token)) {
            rc.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
            return;
        }
        Integer failure = eventFailures.poll();
        if (failure != null) {
            rc.response().setStatusCode(failure).putHeader("Content-Type", "application/problem+json")
                    .putHeader("Retry-After", "1")
                    .end(new JsonObject().put("status", failure).put("detail", "recipients[0]: must name one recipient")
                            .encode());
            return;
        }
        UUID id = keys.computeIfAbsent(key, k -> UUID.randomUUID());
        rc.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("id", id.toString()).put("type", body.getString("type"))
                        .put("createdAt", "2026-12-01T00:00:00Z")
                        .put("deliveries", body.getJsonArray("recipients").size()).encode());
    }

    /** Back to a healthy auth-service and notification-service with nothing counted. */
    public void reset() {
        tokenRequests.set(0);
        tokenFailures.clear();
        eventFailures.clear();
        received.clear();
        auditFailures.clear();
        audited.clear();
        expiresIn = 900;
        ignoringScope = false;
        release();
    }

    /** The next token requests are answered with these statuses, in order. */
    public void failTokenRequests(Integer... statuses) {
        tokenFailures.addAll(List.of(statuses));
    }

    /** Tokens issued from now on say they expire after this many seconds. */
    public void tokensExpireIn(long seconds) {
        expiresIn = seconds;
    }

    /** auth-service answers tokens of {@link #TENANT} whatever tenant the scope names. */
    public void ignoreScope() {
        ignoringScope = true;
    }

    /** Token requests wait, unanswered, until {@link #release()}. */
    public void hold() {
        holding = true;
    }

    /** Answers the token requests held back, and the next ones at once. */
    public void release() {
        holding = false;
        for (RoutingContext rc = held.poll(); rc != null; rc = held.poll()) {
            RoutingContext waiting = rc;
            waiting.vertx().runOnContext(ignored -> issue(waiting));
        }
    }

    public int heldTokenRequests() {
        return held.size();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** notification-service answers 401 to this token from now on. */
    public void revoke(String token) {
        revoked.add(token);
    }

    /** The next publishes that present a valid token are answered with these statuses, in order. */
    public void failEvents(Integer... statuses) {
        eventFailures.addAll(List.of(statuses));
    }

    /** Every request that reached the events endpoint, in order. */
    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The next audit events that present a valid token are answered with these statuses, in order. */
    public void failAudits(Integer... statuses) {
        auditFailures.addAll(List.of(statuses));
    }

    /** Every request that reached the audit endpoint, in order. */
    public List<Received> audited() {
        return new ArrayList<>(audited);
    }
}
