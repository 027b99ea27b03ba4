package dev.flotilla.config.entry;

import dev.flotilla.common.error.PreconditionFailed;
import dev.flotilla.common.request.Preconditions;

/**
 * What a change expects of the entry it changes, from its request's {@code If-Match} and {@code If-None-Match}: an
 * existing entry is changed only under an {@code If-Match} naming its current {@code ETag} (428 without one, 412 when
 * stale); a new one is created without {@code If-Match}, or with {@code If-None-Match: *}.
 */
public record Precondition(String ifMatch, String ifNoneMatch, boolean required) {

    /** No expectation: restoring a state, whatever the entry holds now. */
    public static final Precondition NONE = new Precondition(null, null, false);

    public static Precondition of(String ifMatch, String ifNoneMatch) {
        return new Precondition(blankToNull(ifMatch), blankToNull(ifNoneMatch), true);
    }

    /** Fails unless a change may be made to an entry whose current {@code ETag} is {@code etag} (null: none exists). */
    public void check(String etag) {
        if (!required) {
            return;
        }
        if (etag == null) {
            if (ifMatch != null) {
                throw new PreconditionFailed("There is no such entry for If-Match " + ifMatch
                        + " to name; create it without If-Match (or with If-None-Match: *)");
            }
            return;
        }
        if (EntityTags.matches(ifNoneMatch, etag)) {
            throw new PreconditionFailed("The entry exists already (ETag " + etag + "); change it with If-Match");
        }
        Preconditions.require(ifMatch, "entry");
        Preconditions.check(ifMatch, etag, "entry");
    }

    private static String blankToNull(String header) {
        return header == null || header.isBlank() ? null : header;
    }
}
