package dev.flotilla.common.identity;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Answers a bearer token that {@link RememberedTokens} has already verified on the calling thread,
 * and leaves every other token to SmallRye JWT's own identity provider.
 *
 * <p>Quarkus verifies tokens on a worker thread when the keys come from a remote JWKS (fetching
 * them may block), so without this every authenticated request would hop from the event loop to a
 * worker and back, even when verification is only a cache lookup. That hop cost more than the
 * rest of authentication together. A token not remembered yet, or a rejected one, still takes the
 * worker path, so a slow or unreachable auth-service never blocks an event loop. The identity
 * built here is the one SmallRye JWT builds: the token's principal, credential and groups as roles.
 */
@Singleton
public class RememberedIdentities implements IdentityProvider<TokenAuthenticationRequest> {

    private final RememberedTokens tokens;

    public RememberedIdentities(RememberedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Asked before SmallRye JWT's provider, which runs when this one answers with no identity. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof JsonWebTokenCredential credential)) {
            return Uni.createFrom().nullItem();
        }
        JWTCallerPrincipal principal = tokens.remembered(credential.getToken());
        if (principal == null) {
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addCredential(credential)
                .addRoles(principal.getGroups())
                .addAttribute(SecurityIdentity.USER_ATTRIBUTE, principal);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return Uni.createFrom().item(identity.build());
    }
}
