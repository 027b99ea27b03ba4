package dev.flotilla.config.targeting;

/** Why an evaluation failed (OpenFeature's error codes). */
public enum ErrorCode {
    FLAG_NOT_FOUND,
    /** The caller expected another type of value than the flag's. */
    TYPE_MISMATCH,
    /** A request or a stored definition could not be read. */
    PARSE_ERROR,
    /** A percentage rollout was reached without a {@code targetingKey} to bucket by. */
    TARGETING_KEY_MISSING,
    /** The context is not an object, or its {@code targetingKey} is not a string. */
    INVALID_CONTEXT,
    GENERAL
}
