package dev.flotilla.health.registry;

import dev.flotilla.common.outbound.OutboundUrls;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URLs a target may have, by kind: {@code http} and {@code quarkus} targets an absolute {@code http(s)} URL as a
 * webhook's ({@link OutboundUrls}), {@code tcp} targets {@code tcp://host:port} and nothing more.
 */
public final class TargetUrls {

    private TargetUrls() {
    }

    /**
     * Where a check of a {@code kind} target at {@code url} connects.
     *
     * @throws IllegalArgumentException saying what is wrong with the URL
     */
    public static OutboundUrls.Target parse(TargetKind kind, String url) {
        return kind == TargetKind.TCP ? tcp(url) : OutboundUrls.parse(url);
    }

    private static OutboundUrls.Target tcp(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (url.length() > OutboundUrls.MAX_LENGTH) {
            throw new IllegalArgumentException("must have at most " + OutboundUrls.MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || !"tcp".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("must be tcp://host:port for a tcp target");
        }
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (uri.getHost() == null || uri.getPort() < 1 || !bare) {
            throw new IllegalArgumentException("must be tcp://host:port, with a port and nothing after it");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new OutboundUrls.Target(host, uri.getPort(), false, "");
    }
}
