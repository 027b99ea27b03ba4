package dev.flotilla.policy.log;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.policy.evaluation.Decision;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the query parameters of {@code GET /api/v1/decision-logs} become a filter. */
class DecisionLogFilterTest {

    @Test
    void noParametersMeanNoFilter() {
        assertEquals(new DecisionLogFilter(null, null, null, null, null, null, null),
                DecisionLogFilter.of(null, null, null, null, null, null, null));
    }

    @Test
    void blankParametersDoNotFilter() {
        assertEquals(new DecisionLogFilter(null, null, null, null, null, null, null),
                DecisionLogFilter.of(" ", "", " ", "", "  ", null, null));
    }

    @Test
    void theDecisionIsReadInAnyCase() {
        assertEquals(Decision.DENY, DecisionLogFilter.of("deny", null, null, null, null, null, null).decision());
        assertEquals(Decision.ALLOW, DecisionLogFilter.of(" Allow ", null, null, null, null, null, null).decision());
    }

    @Test
    void aDecisionOtherThanAllowOrDenyIsABadRequestNamingTheParameter() {
        var refused = assertThrows(BadRequest.class, () -> DecisionLogFilter.of("maybe", null, null, null, null, null, null));
        assertEquals("decision", refused.errors().get(0).field());
        assertEquals("must be ALLOW or DENY", refused.errors().get(0).message());
    }

    @Test
    void theOtherParametersAndTheTimesAreKeptAsGiven() {
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-02T00:00:00Z");
        assertEquals(new DecisionLogFilter(null, "read", " alice", "doc", "d-1", from, to),
                DecisionLogFilter.of(null, "read", " alice", "doc", "d-1", from, to));
    }
}
