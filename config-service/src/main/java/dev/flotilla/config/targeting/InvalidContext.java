package dev.flotilla.config.targeting;

/** An evaluation context that cannot be evaluated against: {@link ErrorCode#INVALID_CONTEXT}. */
public final class InvalidContext extends RuntimeException {

    public InvalidContext(String message) {
        // An answer to the caller, not a fault: no stack trace.
        super(message, null, false, false);
    }
}
