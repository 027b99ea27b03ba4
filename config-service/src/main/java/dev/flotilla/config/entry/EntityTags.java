package dev.flotilla.config.entry;

/** The entity-tag comparison of {@code If-None-Match} (RFC 9110 §13.1.2): weak, {@code *} matching anything there is. */
public final class EntityTags {

    private EntityTags() {
    }

    /** Whether the header value names {@code etag} (quoted) or {@code *}; false for an absent header. */
    public static boolean matches(String header, String etag) {
        if (header == null || header.isBlank() || etag == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
