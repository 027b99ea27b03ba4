package dev.flotilla.common.servicetoken;

/**
 * auth-service refused to issue a token for the configured client (a 4xx: unknown client, wrong
 * or rotated secret). Asking again with the same credentials gets the same answer, so it is not retried.
 */
public final class ServiceTokenRefused extends RuntimeException {

    private final int status;

    ServiceTokenRefused(int status, String error) {
        super("auth-service refused the service client's credentials (HTTP " + status
                + (error == null ? "" : ", " + error)
                + "); check FLOTILLA_SERVICE_CLIENT_ID and FLOTILLA_SERVICE_CLIENT_SECRET",
                null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
