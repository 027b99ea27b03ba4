package dev.flotilla.policy.log;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.policy.evaluation.Decision;

import java.time.Instant;
import java.util.Locale;

/** What {@code GET /api/v1/decision-logs} narrows the log to; {@code null} members do not filter. */
public record DecisionLogFilter(Decision decision, String action, String subjectId, String resourceType, String resourceId,
        Instant from, Instant to) {

    /**
     * The filter the query parameters ask for: a blank parameter does not filter, and the
     * decision is {@code ALLOW} or {@code DENY} in any case (anything else is a 400 naming it).
     */
    public static DecisionLogFilter of(String decision, String action, String subjectId, String resourceType,
            String resourceId, Instant from, Instant to) {
        return new DecisionLogFilter(decision(decision), blankToNull(action), blankToNull(subjectId),
                blankToNull(resourceType), blankToNull(resourceId), from, to);
    }

    private static Decision decision(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Decision.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("decision", "must be ALLOW or DENY");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
