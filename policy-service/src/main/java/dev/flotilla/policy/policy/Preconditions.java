package dev.flotilla.policy.policy;

import dev.flotilla.common.error.PreconditionFailed;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;

/** {@code If-Match} handling (RFC 9110 §13.1.1) for policies. */
final class Preconditions {

    private Preconditions() {
    }

    /** Fails with 428 when {@code ifMatch} is absent. */
    static void require(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Changing a policy requires an If-Match header with the ETag of the version you edited");
        }
    }

    /** Fails with 412 when {@code ifMatch} is present and names neither {@code *} nor the current {@code etag}. */
    static void check(String ifMatch, String etag) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag) || ("\"" + tag + "\"").equals(etag)) {
                return;
            }
        }
        throw new PreconditionFailed("The policy has changed since " + ifMatch.trim() + "; its current ETag is " + etag
                + ". Fetch it again and reapply your change");
    }
}
