package dev.flotilla.auth.web;

import io.vertx.core.http.HttpServerRequest;

/**
 * Where a request came from, for the audit trail and the per-address brute-force limit: the client
 * address (the forwarded one when {@code quarkus.http.proxy.*} trusts the proxy in front) and the
 * user agent.
 */
public record Origin(String address, String userAgent) {

    private static final int MAX_USER_AGENT = 512;

    public static Origin of(HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new Origin(address, agent);
    }

    /** For work the service does by itself (bootstrap, scheduled jobs). */
    public static Origin internal() {
        return new Origin(null, "auth-service");
    }
}
