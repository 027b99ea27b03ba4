package dev.flotilla.auth.oauth;

import dev.flotilla.auth.client.ClientService;
import dev.flotilla.auth.session.SessionService;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The rules of the OAuth 2 endpoints: which grant does what, and the RFC 6749 error for each failure. */
@ApplicationScoped
public class OAuthService {

    private final ClientService clients;
    private final SessionService sessions;

    public OAuthService(ClientService clients, SessionService sessions) {
        this.clients = clients;
        this.sessions = sessions;
    }

    /** The one scope a client may ask for: the tenant its token acts for. */
    static final String TENANT_SCOPE_PREFIX = "tenant:";

    public Uni<Map<String, Object>> token(String grantType, OAuthResource.ClientCredentials credentials, String refreshToken,
            String scope, Origin origin) {
        if (grantType == null || grantType.isBlank()) {
            return Uni.createFrom().failure(OAuthError.invalidRequest("grant_type is required"));
        }
        return switch (grantType) {
            case "client_credentials" -> clientCredentials(credentials, scope);
            case "refresh_token" -> refreshGrant(refreshToken, origin);
            default -> Uni.createFrom().failure(new OAuthError(400, "unsupported_grant_type",
                    "Supported grants: client_credentials, refresh_token"));
        };
    }

    private Uni<Map<String, Object>> clientCredentials(OAuthResource.ClientCredentials credentials, String scope) {
        if (credentials.clientId() == null || credentials.clientSecret() == null) {
            return Uni.createFrom()
                    .failure(new OAuthError(401, "invalid_client", "Client authentication is required", credentials.basic()));
        }
        UUID actingFor;
        try {
            actingFor = actingFor(scope);
        } catch (OAuthError e) {
            return Uni.createFrom().failure(e);
        }
        return clients.issueToken(credentials.clientId(), credentials.clientSecret(), actingFor)
                .onFailure(ClientService.TenantRefused.class)
                .transform(e -> new OAuthError(400, "invalid_scope", e.getMessage()))
                .map(issued -> {
                    if (issued == null) {
                        throw new OAuthError(401, "invalid_client", "Unknown client or wrong secret", credentials.basic());
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", issued.token());
                    body.put("token_type", "Bearer");
                    body.put("expires_in", issued.expiresIn());
                    if (actingFor != null) {
                        body.put("scope", TENANT_SCOPE_PREFIX + actingFor);
                    }
                    return body;
                });
    }

    /** The tenant of a {@code tenant:<id>} scope; null without a scope; any other scope is {@code invalid_scope}. */
    private static UUID actingFor(String scope) {
        if (scope == null || scope.isBlank()) {
            return null;
        }
        String given = scope.strip();
        if (given.startsWith(TENANT_SCOPE_PREFIX) && given.indexOf(' ') < 0) {
            try {
                return UUID.fromString(given.substring(TENANT_SCOPE_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw new OAuthError(400, "invalid_scope", "The only scope is tenant:<tenant id>");
    }

    private Uni<Map<String, Object>> refreshGrant(String refreshToken, Origin origin) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Uni.createFrom().failure(OAuthError.invalidRequest("refresh_token is required"));
        }
        return sessions.refresh(refreshToken, origin)
                .onFailure(ProblemException.class)
                .transform(e -> OAuthError.invalidGrant("The refresh token is invalid, expired or already used"))
                .map(pair -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", pair.accessToken());
                    body.put("token_type", "Bearer");
                    body.put("expires_in", pair.expiresIn());
                    body.put("refresh_token", pair.refreshToken());
                    return body;
                });
    }

    public Uni<Void> revoke(String token, Origin origin) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().failure(OAuthError.invalidRequest("token is required"));
        }
        // Access tokens are self-contained and expire on their own; only refresh tokens can be revoked.
        return sessions.revokeByRefreshToken(token, origin);
    }

    public Uni<Void> requireToken(String token) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().failure(new BadRequest("token", "is required"));
        }
        return Uni.createFrom().voidItem();
    }
}
