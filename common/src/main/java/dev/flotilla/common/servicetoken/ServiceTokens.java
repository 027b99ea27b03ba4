package dev.flotilla.common.servicetoken;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The access tokens of this service's own service client (client_credentials grant at
 * auth-service's {@code POST /oauth2/token}), for calls made <em>as the service</em> rather than
 * for a user; its tokens carry the role {@code service}. A call is about one tenant's data, so a
 * token is asked for that tenant (the scope {@code tenant:<id>}): a platform's service client (of
 * auth-service's {@code default} tenant) gets one for any tenant, a tenant's own client only for its own.
 * <ul>
 * <li>Tokens are kept per tenant.</li>
 * <li>A token is reused until shortly before it expires: a tenth of its lifetime, at most
 * {@link #MAX_MARGIN}, before {@code expires_in} runs out.</li>
 * <li>Single flight: callers that need a new token at the same time share one request.</li>
 * <li>{@link #authorized} makes a call with the token and, when the callee answers 401
 * ({@link TokenRejected}), once more with a new one.</li>
 * <li>Without configured credentials ({@link ServiceClientConfig}) every token request fails with
 * {@link NoServiceClient}, whose message names the settings; the first such request also logs a
 * WARN. Nothing is called then.</li>
 * <li>Refused credentials fail with {@link ServiceTokenRefused} (not retried); an unreachable or
 * failing auth-service with its transport failure, after bounded retries.</li>
 * </ul>
 * The bean and its REST client are created on first use: a service that never calls as itself
 * pays nothing.
 */
@ApplicationScoped
public class ServiceTokens {

    /** The longest a token is given up before its expiry. */
    static final Duration MAX_MARGIN = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(ServiceTokens.class);
    /** The scope naming the tenant a token acts for. */
    static final String TENANT_SCOPE_PREFIX = "tenant:";

    private final TokenTransport transport;
    /** The Basic credentials, or null without a configured client. */
    private final String basic;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** Per tenant, the token in use and when to stop using it ({@link System#nanoTime()}); guarded by {@code this}. */
    private final Map<UUID, Held> held = new HashMap<>();
    /** Per tenant, the request under way, shared by every caller that needs a token meanwhile; guarded by {@code this}. */
    private final Map<UUID, Flight> flights = new HashMap<>();

    ServiceTokens(TokenTransport transport, ServiceClientConfig config) {
        this.transport = transport;
        String id = config.id().map(String::strip).filter(value -> !value.isEmpty()).orElse(null);
        String secret = config.secret().filter(value -> !value.isEmpty()).orElse(null);
        // RFC 6749 §2.3.1: both parts form-encoded before the Basic encoding.
        this.basic = id == null || secret == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A token of the service client acting for {@code tenant}: the one in use while it is fresh,
     * otherwise a new one. Fails with {@link TenantMismatch} if auth-service answered a token for another tenant.
     */
    public Uni<ServiceToken> token(UUID tenant) {
        Objects.requireNonNull(tenant, "tenant");
        Context caller = Vertx.currentContext();
        Uni<ServiceToken> token = Uni.createFrom().deferred(() -> current(tenant))
                .invoke(given -> given.requireTenant(tenant));
        // A shared request completes on the context of the caller that started it; the others
        // continue on their own.
        return caller == null ? token : token.emitOn(task -> {
            if (Vertx.currentContext() == caller) {
                task.run();
            } else {
                caller.runOnContext(ignored -> task.run());
            }
        });
    }

    /**
     * Calls {@code call} with a token; when it fails with {@link TokenRejected}, forgets that token
     * and calls once more with a new one. A second rejection is the caller's failure.
     */
    public <T> Uni<T> authorized(UUID tenant, Function<ServiceToken, Uni<T>> call) {
        return token(tenant).chain(token -> Uni.createFrom().deferred(() -> call.apply(token))
                .onFailure(TokenRejected.class).recoverWithUni(rejected -> {
                    LOG.debugf("%s; asking for a new service token", rejected.getMessage());
                    invalidate(tenant, token);
                    return token(tenant).chain(fresh -> Uni.createFrom().deferred(() -> call.apply(fresh)));
                }));
    }

    /** Stops using {@code token} for {@code tenant} (a callee rejected it); the next caller gets a new one. */
    public synchronized void invalidate(UUID tenant, ServiceToken token) {
        Held current = held.get(tenant);
        if (current != null && current.token().equals(token)) {
            held.remove(tenant);
        }
    }

    private synchronized Uni<ServiceToken> current(UUID tenant) {
        Held current = held.get(tenant);
        if (current != null && System.nanoTime() - current.refreshAt() < 0) {
            return Uni.createFrom().item(current.token());
        }
        if (basic == null) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn(new NoServiceClient().getMessage() + "; calls made as this service fail until one is");
            }
            return Uni.createFrom().failure(new NoServiceClient());
        }
        return flights.computeIfAbsent(tenant, Flight::new).token;
    }

    private synchronized void landed(Flight landed, Held fresh) {
        if (fresh != null) {
            held.put(landed.tenant, fresh);
        }
        flights.remove(landed.tenant, landed);
    }

    /** The token of an answer, held from when it was asked for (the clock's start of its lifetime, at the latest). */
    private static Held held(TokenApi.Answer answer, long asked, Instant askedAt) {
        if (answer == null || answer.accessToken() == null || answer.accessToken().isBlank()) {
            throw new IllegalStateException("auth-service answered the token request without an access token");
        }
        long lifetime = answer.expiresIn() == null ? 0 : Math.max(0, answer.expiresIn());
        Duration life = Duration.ofSeconds(lifetime);
        Duration margin = life.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? life.dividedBy(10) : MAX_MARGIN;
        // Without a lifetime the token serves the callers waiting for it, and the next one asks again.
        long refreshAt = asked + life.minus(margin).toNanos();
        return new Held(new ServiceToken(answer.accessToken(), tenantOf(answer.accessToken()), askedAt.plus(life)),
                refreshAt);
    }

    /**
     * The {@code tid} claim, read without verifying the signature: the token comes straight from
     * auth-service and is only read to know which tenant it acts in; the callee verifies it. Null
     * when the token is not a JWT with a tenant.
     */
    public static UUID tenantOf(String token) {
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 0 || second < 0) {
            return null;
        }
        try {
            String claims = new String(Base64.getUrlDecoder().decode(token.substring(first + 1, second)),
                    StandardCharsets.UTF_8);
            String tenant = new JsonObject(claims).getString("tid");
            return tenant == null ? null : UUID.fromString(tenant);
        } catch (RuntimeException notAJwt) {
            return null;
        }
    }

    private record Held(ServiceToken token, long refreshAt) {
    }

    /** One token request; it lands (held, and no longer under way) before any caller sees its outcome. */
    private final class Flight {

        final UUID tenant;
        final Uni<ServiceToken> token;

        Flight(UUID tenant) {
            this.tenant = tenant;
            long asked = System.nanoTime();
            Instant askedAt = Instant.now();
            token = Uni.createFrom().deferred(() -> transport.token(basic, TENANT_SCOPE_PREFIX + tenant))
                    .map(answer -> held(answer, asked, askedAt))
                    .onItemOrFailure().invoke((fresh, failure) -> landed(this, fresh))
                    .map(Held::token)
                    .memoize().indefinitely();
        }
    }
}
