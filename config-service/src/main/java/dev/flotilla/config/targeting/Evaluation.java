package dev.flotilla.config.targeting;

import java.util.Map;

/**
 * The outcome of evaluating one flag: its value and variant with the reason, or, when it failed, an error
 * code and details (and no value). {@code metadata} is the flag's own, handed on to the caller.
 */
public record Evaluation(String key, Object value, String variant, Reason reason, ErrorCode errorCode, String errorDetails,
        Map<String, Object> metadata) {

    public boolean failed() {
        return errorCode != null;
    }

    static Evaluation of(Flag flag, String variant, Reason reason) {
        return new Evaluation(flag.key(), flag.variants().get(variant), variant, reason, null, null, flag.metadata());
    }

    static Evaluation failure(String key, ErrorCode code, String details, Map<String, Object> metadata) {
        return new Evaluation(key, null, null, Reason.ERROR, code, details, metadata);
    }

    public static Evaluation notFound(String key) {
        return failure(key, ErrorCode.FLAG_NOT_FOUND, "Flag '" + key + "' was not found", Map.of());
    }
}
