package dev.flotilla.auth.token;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.identity.Caller;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The calling user of a user-only endpoint: the token's tenant, user id and login session. */
@RequestScoped
public class CurrentUser {

    private final Caller caller;
    private final JsonWebToken token;

    public CurrentUser(Caller caller, JsonWebToken token) {
        this.caller = caller;
        this.token = token;
    }

    public UUID tenant() {
        return caller.tenant();
    }

    public UUID id() {
        try {
            return UUID.fromString(caller.subject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This endpoint is for users; the token's subject is not a user");
        }
    }

    /** The login session the token was issued for; null for tokens not issued by a login. */
    public UUID session() {
        Object sid = token.getClaim(AccessTokens.SESSION_CLAIM);
        if (sid == null) {
            return null;
        }
        try {
            return UUID.fromString(sid.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
