package dev.flotilla.common.error;

/** The request clashes with the resource's current state (a duplicate name, an illegal transition). */
public final class Conflict extends ProblemException {
    public Conflict(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
