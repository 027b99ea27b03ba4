package dev.flotilla.notification.template;

import dev.flotilla.common.error.PreconditionFailed;

/** {@code If-Match} (RFC 9110 §13.1.1) for templates: optional; when sent it must name the current ETag or {@code *}. */
final class IfMatch {

    private IfMatch() {
    }

    static void check(String ifMatch, String etag) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return;
            }
        }
        throw new PreconditionFailed("The template has changed since " + ifMatch.strip() + "; its current ETag is " + etag
                + ". Fetch it again and reapply your change");
    }
}
