package dev.flotilla.common.error;

import jakarta.ws.rs.core.Response.Status;

/**
 * The problem types the suite answers with. The {@code type} URI of a problem names one of
 * these, so clients can branch on it without parsing the human-readable {@code detail}.
 */
public enum ProblemType {
    BAD_REQUEST(400, "Bad request"),
    VALIDATION_FAILED(400, "Validation failed"),
    MALFORMED_JSON(400, "Malformed JSON"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "Unprocessable content"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    REQUEST_HEADER_FIELDS_TOO_LARGE(431, "Request header fields too large"),
    INTERNAL(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private static final String TYPE_PREFIX = "urn:flotilla:problem:";

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The {@code type} member, e.g. {@code urn:flotilla:problem:not-found}. */
    public String uri() {
        return TYPE_PREFIX + name().toLowerCase().replace('_', '-');
    }

    /** The generic type for a status that has no more specific one here. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != VALIDATION_FAILED && type != MALFORMED_JSON) {
                return type;
            }
        }
        return Status.Family.familyOf(status) == Status.Family.SERVER_ERROR ? INTERNAL : BAD_REQUEST;
    }
}
