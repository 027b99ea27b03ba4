package dev.flotilla.common.error;

/** An {@code If-Match} precondition no longer holds: someone else changed the resource first. */
public final class PreconditionFailed extends ProblemException {
    public PreconditionFailed(String detail) {
        super(ProblemType.PRECONDITION_FAILED, detail);
    }
}
