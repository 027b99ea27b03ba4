package dev.flotilla.common.servicetoken;

/**
 * The callee answered 401 to a service token: it was revoked, its key rotated away, or it expired
 * early. A client's exception mapper throws it for a 401, and {@link ServiceTokens#authorized}
 * then makes the call once more with a new token.
 */
public final class TokenRejected extends RuntimeException {

    public TokenRejected(String callee) {
        super(callee + " rejected the service token (HTTP 401)", null, false, false);
    }
}
