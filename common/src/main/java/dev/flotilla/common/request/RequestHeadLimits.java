package dev.flotilla.common.request;

import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * Answers a request whose URI or headers are over the suite's limits with a 414 or 431 problem,
 * before anything else reads it.
 *
 * <p>
 * The HTTP codec enforces its own limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) by answering at once, with an empty body, and Quarkus offers no hook
 * into that answer (Vert.x's {@code HttpServer.invalidRequestHandler} is not exposed). So the
 * shared configuration sets the codec's limits above the documented ones, and this route answers
 * the documented ones in the suite's problem format:
 * <ul>
 * <li>a request target (path and query) of more than {@value #MAX_URI_LENGTH} characters: 414;</li>
 * <li>headers of more than {@value #MAX_HEADER_BYTES} bytes in all, each counted as
 * {@code name: value} and its line end: 431.</li>
 * </ul>
 * Requests beyond the codec's own limits, and requests the codec cannot parse at all (a control
 * character in a header, for instance), still get its empty 414, 431 or 400.
 */
@ApplicationScoped
public class RequestHeadLimits {

    /** The longest request target the services accept. */
    public static final int MAX_URI_LENGTH = 4096;
    /** The most header bytes the services accept. */
    public static final int MAX_HEADER_BYTES = 8192;

    // ": " between name and value, CRLF after the value.
    private static final int HEADER_LINE_OVERHEAD = 4;

    void install(@Observes Router router) {
        router.route().order(-20).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URI_LENGTH) {
            refuse(context, ProblemType.URI_TOO_LONG,
                    "The request URI is longer than the " + MAX_URI_LENGTH + " characters this service accepts");
        } else if (headerBytes(request) > MAX_HEADER_BYTES) {
            refuse(context, ProblemType.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The request headers are larger than the " + MAX_HEADER_BYTES + " bytes this service accepts");
        } else {
            context.next();
        }
    }

    private static int headerBytes(HttpServerRequest request) {
        int bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + HEADER_LINE_OVERHEAD;
        }
        return bytes;
    }

    private static void refuse(RoutingContext context, ProblemType type, String detail) {
        // The path alone: the whole URI is what was too long.
        String path = context.request().path();
        String instance = path == null || path.length() > MAX_URI_LENGTH ? null : path;
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance, null, null);
        context.response().setStatusCode(type.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(Json.encode(problem));
    }
}
