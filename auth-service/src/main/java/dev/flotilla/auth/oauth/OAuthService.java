package dev.flotilla.auth.oauth;

import dev.flotilla.auth.client.ClientService;
import dev.flotilla.auth.client.ClientService.AuthenticatedClient;
import dev.flotilla.auth.session.SessionService;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The rules of the OAuth 2 endpoints: which grant does what, and the RFC 6749 error for each failure. */
@ApplicationScoped
public class OAuthService {

    private final ClientService clients;
    private final SessionService sessions;
    private final Introspection introspection;
    private final CurrentIdentityAssociation identities;

    public OAuthService(ClientService clients, SessionService sessions, Introspection introspection,
            CurrentIdentityAssociation identities) {
        this.clients = clients;
        this.sessions = sessions;
        this.introspection = introspection;
        this.identities = identities;
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
            case "refresh_token" -> refreshGrant(credentials, refreshToken, origin);
            default -> Uni.createFrom().failure(new OAuthError(400, "unsupported_grant_type",
                    "Supported grants: client_credentials, refresh_token"));
        };
    }

    private Uni<Map<String, Object>> clientCredentials(OAuthResource.ClientCredentials credentials, String scope) {
        if (credentials.clientId() == null || credentials.clientSecret() == null) {
            return Uni.createFrom().failure(OAuthError.invalidClient("Client authentication is required"));
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
                        throw wrongCredentials();
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

    /**
     * Rotates a refresh token. Client credentials, when presented, must be right; the new token is
     * then issued to that client, and a token issued to a client is that client's alone (OAuth 2.1
     * §4.3.1). A token issued without a client (a login) is refreshed without one as well.
     */
    private Uni<Map<String, Object>> refreshGrant(OAuthResource.ClientCredentials credentials, String refreshToken,
            Origin origin) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Uni.createFrom().failure(OAuthError.invalidRequest("refresh_token is required"));
        }
        Uni<String> presentingClient = credentials.presented()
                ? authenticated(credentials).map(AuthenticatedClient::clientId)
                : Uni.createFrom().nullItem();
        return presentingClient.chain(clientId -> sessions.refresh(refreshToken, clientId, origin))
                .onFailure(ProblemException.class)
                .transform(e -> OAuthError.invalidGrant(
                        "The refresh token is invalid, expired, already used or issued to another client"))
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

    /**
     * Introspects a token for a service (RFC 7662): one calling with its service token
     * ({@code bearer}), or a service client authenticating with its own credentials. Either sees
     * the tokens of its own tenant, or of every tenant for the platform's services.
     */
    public Uni<Map<String, Object>> introspect(OAuthResource.ClientCredentials credentials, boolean bearer, String token,
            String hint) {
        Uni<UUID> callerTenant = bearer ? serviceTokenTenant()
                : authenticated(credentials).map(AuthenticatedClient::tenantId);
        return callerTenant.chain(tenant -> {
            if (token == null || token.isBlank()) {
                return Uni.createFrom().failure(OAuthError.invalidRequest("token is required"));
            }
            return introspection.introspect(token, hint, tenant);
        });
    }

    /** The tenant of the verified bearer token, which must be a service's. */
    private Uni<UUID> serviceTokenTenant() {
        return identities.getDeferredIdentity().map(identity -> {
            if (!(identity.getPrincipal() instanceof JsonWebToken verified)) {
                throw new UnauthorizedException();
            }
            if (!identity.hasRole(Roles.SERVICE)) {
                throw new OAuthError(403, "insufficient_scope", "Only services may introspect tokens");
            }
            return Caller.tenantOf(verified);
        });
    }

    /** The client the credentials name, when they are right; otherwise {@code invalid_client}. */
    private Uni<AuthenticatedClient> authenticated(OAuthResource.ClientCredentials credentials) {
        if (credentials.clientId() == null || credentials.clientSecret() == null) {
            return Uni.createFrom().failure(OAuthError.invalidClient("Client authentication is required"));
        }
        return clients.authenticate(credentials.clientId(), credentials.clientSecret())
                .onItem().ifNull().failWith(OAuthService::wrongCredentials);
    }

    private static OAuthError wrongCredentials() {
        return OAuthError.invalidClient("Unknown client or wrong secret");
    }
}
