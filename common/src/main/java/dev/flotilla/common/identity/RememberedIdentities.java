package dev.flotilla.common.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives a request whose bearer token {@link RememberedTokens} has already verified its identity
 * at once, and leaves every other request to Quarkus's authentication (SmallRye JWT).
 *
 * <p>
 * Without this, every authenticated request went through Quarkus's lazy authentication chain
 * (the HTTP mechanism, the identity-provider manager, a dozen Mutiny operators, each capturing and
 * restoring the thread context) and, because the keys come from a remote JWKS, a hop to a worker
 * thread and back, even when verifying was a cache lookup. A client sends the same token for its
 * whole lifetime, so that cost was paid on nearly every request; here it is one lookup on the event
 * loop. A token not remembered yet, a rejected one, or any other credential still takes the full
 * path, so a slow or unreachable auth-service never blocks an event loop.
 *
 * <p>
 * The identity is the one SmallRye JWT builds (see {@link RememberedTokens}), built when the
 * token was verified, not on every request. It is set between Quarkus's authentication filter
 * (which installs the lazy identity) and its authorization filter (the first to ask for it), the
 * place its own {@code QuarkusHttpUser.setIdentity} is made for.
 */
@ApplicationScoped
public class RememberedIdentities {

    /** After Quarkus's authentication filter (order -200), before its authorization filter (-100). */
    static final int ROUTE_ORDER = -150;

    private static final String BEARER = "Bearer ";

    private final RememberedTokens tokens;

    public RememberedIdentities(RememberedTokens tokens) {
        this.tokens = tokens;
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::identifyRememberedBearer);
    }

    private void identifyRememberedBearer(RoutingContext request) {
        String token = bearerToken(request.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token != null) {
            SecurityIdentity identity = tokens.rememberedIdentity(token);
            if (identity != null) {
                QuarkusHttpUser.setIdentity(identity, request);
            }
        }
        request.next();
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).trim();
    }
}
