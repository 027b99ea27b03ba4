package dev.flotilla.auth.oauth;

import dev.flotilla.auth.session.SessionService;
import dev.flotilla.auth.tenant.TenantService;
import dev.flotilla.auth.token.AccessTokens;
import dev.flotilla.auth.token.TokenVerifier;
import dev.flotilla.common.identity.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Token introspection (RFC 7662) for service callers: whether an access or refresh token is active,
 * and its claims. A caller sees only tokens of its own tenant, except the platform's services (the
 * {@code default} tenant); any other token is reported inactive, revealing nothing.
 */
@ApplicationScoped
public class Introspection {

    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    private final TokenVerifier verifier;
    private final SessionService sessions;
    private final TenantService tenants;

    public Introspection(TokenVerifier verifier, SessionService sessions, TenantService tenants) {
        this.verifier = verifier;
        this.sessions = sessions;
        this.tenants = tenants;
    }

    @WithSession
    public Uni<Map<String, Object>> introspect(String token, String hint, UUID callerTenant) {
        return tenants.isPlatform(callerTenant).chain(platform -> {
            if (!"refresh_token".equals(hint) && token.chars().filter(c -> c == '.').count() == 2) {
                return Uni.createFrom().item(access(token, callerTenant, platform));
            }
            return refresh(token, callerTenant, platform);
        });
    }

    private Map<String, Object> access(String token, UUID callerTenant, boolean platform) {
        try {
            JwtClaims claims = verifier.verify(token);
            String tid = claims.getStringClaimValue(Caller.TENANT_CLAIM);
            if (!platform && !callerTenant.toString().equals(tid)) {
                return INACTIVE;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("active", true);
            answer.put("token_type", "Bearer");
            answer.put("sub", claims.getSubject());
            answer.put("tid", tid);
            answer.put("groups", claims.getStringListClaimValue("groups"));
            answer.put("iss", claims.getIssuer());
            answer.put("aud", claims.getAudience());
            answer.put("jti", claims.getJwtId());
            answer.put("iat", claims.getIssuedAt() == null ? null : claims.getIssuedAt().getValue());
            answer.put("exp", claims.getExpirationTime().getValue());
            if (claims.hasClaim(AccessTokens.SESSION_CLAIM)) {
                answer.put("sid", claims.getStringClaimValue(AccessTokens.SESSION_CLAIM));
            }
            return answer;
        } catch (InvalidJwtException | MalformedClaimException e) {
            return INACTIVE;
        }
    }

    private Uni<Map<String, Object>> refresh(String token, UUID callerTenant, boolean platform) {
        return sessions.findActive(token).map(refresh -> {
            if (refresh == null || !platform && !refresh.tenantId().equals(callerTenant)) {
                return INACTIVE;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("active", true);
            answer.put("token_type", "refresh_token");
            answer.put("sub", refresh.userId().toString());
            answer.put("tid", refresh.tenantId().toString());
            answer.put("sid", refresh.sessionId().toString());
            if (refresh.clientId() != null) {
                answer.put("client_id", refresh.clientId());
            }
            answer.put("iat", refresh.issuedAt().getEpochSecond());
            answer.put("exp", refresh.expiresAt().getEpochSecond());
            return answer;
        });
    }
}
