package dev.flotilla.common.identity;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the verified token's subject ({@code sub}), tenant ({@code tid}) and roles
 * ({@code groups}). Services scope every query by {@link #tenant()}; there is no other source
 * of the tenant, so one tenant can never name another's data.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tid";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The user id, or the client id of a service caller. */
    public String subject() {
        return token.getSubject();
    }

    public UUID tenant() {
        return tenantOf(token);
    }

    /**
     * The tenant of a verified token, for code that holds the token itself rather than this
     * request-scoped view (which resolves the identity blockingly when nothing resolved it first).
     */
    public static UUID tenantOf(JsonWebToken token) {
        Object claim = token.getClaim(TENANT_CLAIM);
        if (claim == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The token carries no tenant (tid claim)");
        }
        try {
            return UUID.fromString(claim.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The token's tenant (tid claim) is not a valid id");
        }
    }

    public Set<String> roles() {
        return token.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /** The raw bearer token, to act for this caller towards another service. */
    public String rawToken() {
        return token.getRawToken();
    }
}
