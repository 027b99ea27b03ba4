package dev.flotilla.config.ofrep;

import java.util.List;
import java.util.Map;

/**
 * OFREP's answer to a bulk evaluation: every flag of the environment ({@link EvaluationSuccess} or
 * {@link EvaluationFailure}), the event stream that signals changes (protocol 0.3.0) and the set's metadata.
 */
public record BulkEvaluation(List<Object> flags, List<EventStream> eventStreams, Map<String, Object> metadata) {

    /** A change notification connection: Server-Sent Events at {@code endpoint}, on the provider's own origin. */
    public record EventStream(String type, Endpoint endpoint, int inactivityDelaySec) {
    }

    public record Endpoint(String requestUri) {
    }
}
