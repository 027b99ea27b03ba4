package dev.flotilla.common.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URLs the services call on behalf of a tenant (webhook endpoints, health checks) may have: absolute {@code http} or
 * {@code https} URLs naming a host, without user information
 * (credentials belong in the path, the query or a signature check, not in a URL that is shown in logs) and without a
 * fragment (it is never sent).
 */
public final class OutboundUrls {

    public static final int MAX_LENGTH = 2048;

    /** What a request to the URL needs: the host (brackets removed from an IPv6 literal), port, TLS and request target. */
    public record Target(String host, int port, boolean tls, String requestUri) {
    }

    private OutboundUrls() {
    }

    /**
     * Parses {@code url}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Target parse(String url) {
        URI uri = uri(url);
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("must be an absolute http or https URL");
        }
        requireOnlyHostAndTarget(uri);
        boolean tls = "https".equals(scheme);
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new Target(host, port, tls, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    }

    private static URI uri(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must have at most " + MAX_LENGTH + " characters");
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL (" + e.getReason() + ")");
        }
    }

    private static void requireOnlyHostAndTarget(URI uri) {
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry user information (credentials)");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a fragment");
        }
    }
}
