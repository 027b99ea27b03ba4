package dev.flotilla.common.request;

import dev.flotilla.common.error.PreconditionFailed;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;

/**
 * {@code If-Match} handling (RFC 9110 §13.1.1) for resources people edit concurrently. {@code thing} names the
 * resource in the problem's detail ("policy", "template", "entry").
 */
public final class Preconditions {

    private Preconditions() {
    }

    /** Fails with 428 when {@code ifMatch} is absent: for resources whose every change must say what it edited. */
    public static void require(String ifMatch, String thing) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Changing a " + thing + " requires an If-Match header with the ETag of the version you edited");
        }
    }

    /**
     * Fails with 412 when {@code ifMatch} is present and names neither {@code *} nor the current {@code etag}
     * (compared weakly, quoted or not).
     */
    public static void check(String ifMatch, String etag, String thing) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag) || ("\"" + tag + "\"").equals(etag)) {
                return;
            }
        }
        throw new PreconditionFailed("The " + thing + " has changed since " + ifMatch.strip() + "; its current ETag is "
                + etag + ". Fetch it again and reapply your change");
    }
}
