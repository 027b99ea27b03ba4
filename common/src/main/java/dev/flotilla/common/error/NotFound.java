package dev.flotilla.common.error;

/**
 * The resource does not exist for this caller. Also the answer for another tenant's resource,
 * so that its existence is never revealed.
 */
public final class NotFound extends ProblemException {
    public NotFound(String resource, Object id) {
        super(ProblemType.NOT_FOUND, resource + " " + id + " was not found");
    }
}
