package dev.flotilla.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The body of every error response of the suite: an RFC 9457 problem detail
 * ({@code application/problem+json}), extended with the field errors of a validation
 * failure and the request id that ties the response to the service's log lines.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected input: where it was ({@code field}, a JSON path or parameter name) and why. */
    public record FieldError(String field, String message) {
    }
}
