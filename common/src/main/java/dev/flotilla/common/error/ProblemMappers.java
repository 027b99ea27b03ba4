package dev.flotilla.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.flotilla.common.correlation.RequestIds;
import dev.flotilla.common.db.DatabaseFailures;
import dev.flotilla.common.db.DatabaseOutage;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.net.SocketException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one table from exception to problem response for every service. Each method maps one
 * family of failures; anything unforeseen is a 500 whose body reveals nothing but the request id.
 * 5xx are logged at ERROR with the request id, 4xx at DEBUG; an unreachable database is a 503
 * with {@code Retry-After}, logged once per outage by {@link DatabaseOutage}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String URL_DECODER = "org.jboss.resteasy.reactive.common.util.URLUtils";

    private final DatabaseOutage databaseOutage;

    public ProblemMappers(DatabaseOutage databaseOutage) {
        this.databaseOutage = databaseOutage;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(request, e.type(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(request, ProblemType.VALIDATION_FAILED, detail, errors);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpServerRequest request) {
        String field = jsonPath(e);
        return respond(request, ProblemType.VALIDATION_FAILED, "Unknown field '" + field + "'",
                List.of(new Problem.FieldError(field, "unknown field")));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpServerRequest request) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return respond(request, ProblemType.MALFORMED_JSON, "The request body does not have the expected shape", List.of());
        }
        String message = e instanceof ExplainedToClients explained ? explained.explanation()
                : e instanceof InvalidFormatException invalid
                        ? "'" + invalid.getValue() + "' is not a valid " + simpleName(e.getTargetType())
                        : "expected " + simpleName(e.getTargetType());
        return respond(request, ProblemType.VALIDATION_FAILED, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /**
     * A request body that could not be read to its end (a multipart body cut off before its
     * closing boundary, or not multipart as declared): the REST layer fails the request with an
     * {@link IOException} before any resource method runs. The services' own I/O handles its
     * failures where they happen.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, HttpServerRequest request) {
        if (e instanceof SocketException || DatabaseFailures.isUnavailable(e)) {
            // A connection of ours that failed (the database's, another service's), not the client's body.
            return unexpected(e, request);
        }
        return respond(request, ProblemType.BAD_REQUEST,
                "The request body could not be read: it ended early or is not in the declared format", List.of());
    }

    /**
     * A form body or URL with a malformed %-escape, which the REST layer's decoder refuses with an
     * {@link IllegalArgumentException}; any other such exception is a fault of ours.
     */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, HttpServerRequest request) {
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0 && trace[0].getClassName().equals(URL_DECODER)) {
            return respond(request, ProblemType.BAD_REQUEST, "The request is not correctly %-encoded", List.of());
        }
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, HttpServerRequest request) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return respond(request, ProblemType.MALFORMED_JSON, "The request body is not valid JSON" + where, List.of());
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(request, ProblemType.FORBIDDEN, "The caller's roles do not allow this operation", List.of());
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameter e, HttpServerRequest request) {
        return respond(request, ProblemType.VALIDATION_FAILED, e.parameter() + ": " + e.getMessage(),
                List.of(new Problem.FieldError(e.parameter(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        // The REST layer wraps body-reading failures (Jackson's) in a 400, and failed parameter
        // conversions in a 404 with the conversion error as cause: report what really happened.
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownField(cause, request);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return wrongType(cause, request);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformedJson(cause, request);
        }
        if (e instanceof NotFoundException && e.getCause() instanceof IllegalArgumentException) {
            return respond(request, ProblemType.BAD_REQUEST, "A path or query parameter has a value of the wrong type",
                    List.of());
        }
        Response original = e.getResponse();
        ProblemType type = ProblemType.forStatus(original.getStatus());
        if (type == ProblemType.INTERNAL) {
            return internal(e, request);
        }
        Response.ResponseBuilder builder = Response.fromResponse(respond(request, type, detailOf(e, type), List.of()));
        // Keep what the status needs, e.g. Allow on a 405.
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseFailures.isUnavailable(e)) {
            databaseOutage.refused(e);
            return Response.fromResponse(respond(request, ProblemType.SERVICE_UNAVAILABLE,
                    "The service cannot do this now; retry after " + DatabaseOutage.RETRY_AFTER.toSeconds() + " seconds",
                    List.of()))
                    .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER.toSeconds())
                    .build();
        }
        if (DatabaseFailures.isStaleState(e)) {
            return concurrentlyChanged(request);
        }
        return internal(e, request);
    }

    /**
     * The row was changed or deleted by a concurrent transaction between reading and writing it.
     * For a delete, the other request deleted it: the resource is gone, as for any later delete.
     */
    private static Response concurrentlyChanged(HttpServerRequest request) {
        if (HttpMethod.DELETE.equals(request.method())) {
            return respond(request, ProblemType.NOT_FOUND, "No resource at this path", List.of());
        }
        return respond(request, ProblemType.CONFLICT,
                "The resource was changed by a concurrent request; read it again and retry", List.of());
    }

    private static Response internal(Throwable e, HttpServerRequest request) {
        LOG.errorf(e, "Unexpected failure of %s %s (request %s)", request.method(), request.path(), RequestIds.current());
        return respond(request, ProblemType.INTERNAL,
                "The service failed to handle the request; quote the request id when reporting it", List.of());
    }

    private static Response unauthorized(HttpServerRequest request) {
        return Response.fromResponse(respond(request, ProblemType.UNAUTHORIZED,
                "A valid bearer token is required: it is missing, expired or not signed by a trusted key", List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** Builds the problem response; the single place where the media type and log level are decided. */
    public static Response respond(HttpServerRequest request, ProblemType type, String detail,
            List<Problem.FieldError> errors) {
        if (type.status() < 500) {
            LOG.debugf("%s %s answered %d: %s", request.method(), request.path(), type.status(), detail);
        }
        Problem body = new Problem(type.uri(), type.title(), type.status(), detail, request.path(), errors,
                RequestIds.current());
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String detailOf(WebApplicationException e, ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This method is not supported on this resource";
            case UNSUPPORTED_MEDIA_TYPE -> "This resource does not accept the request's Content-Type";
            case NOT_ACCEPTABLE -> "This resource cannot produce a representation the Accept header allows";
            default -> e.getMessage() == null ? type.title() : e.getMessage();
        };
    }

    /** The JSON path of a Jackson failure as the client wrote it, e.g. {@code items[2].name}. */
    public static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The field a violation is about, as the client named it: the body's property path, or the
     * query/path parameter name, without the Java method and parameter names in front.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            // A list element's own node (List<@NotNull X>) is named "<list element>": its index says it all.
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.isEmpty()) {
            // A constraint on a bare parameter: report the parameter's name.
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    field.append(node.getName());
                }
            }
        }
        return field.toString();
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return type.getSimpleName();
    }
}
