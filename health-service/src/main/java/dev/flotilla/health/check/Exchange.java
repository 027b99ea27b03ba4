package dev.flotilla.health.check;

import java.time.Instant;

/**
 * What one probe saw: the HTTP status (null for a connection), the start of the body, when the server's certificate
 * expires (null without TLS), how long it took, and the error that kept it from an answer (null when it had one).
 */
record Exchange(Integer status, String body, Instant certificateExpiresAt, long elapsedMs, String error) {

    static Exchange failed(long elapsedMs, String error) {
        return new Exchange(null, null, null, elapsedMs, error);
    }

    boolean answered() {
        return error == null;
    }
}
