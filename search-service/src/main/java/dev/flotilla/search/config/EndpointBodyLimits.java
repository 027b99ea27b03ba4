package dev.flotilla.search.config;

import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemType;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.regex.Pattern;

/**
 * Holds each endpoint to its own body limit: file uploads to {@code flotilla.search.ingest.max-upload-size}
 * (plus room for the other form fields), NDJSON imports to {@code flotilla.search.ingest.max-import-size},
 * every other request to {@code flotilla.search.max-request-size} (1M, as the other services).
 *
 * <p>
 * {@code quarkus.http.limits.max-body-size} is the largest of these, since Quarkus applies it to
 * every endpoint. A declared body over the endpoint's limit is answered at once with a 413 problem,
 * before anything reads it, and the HTTP/1.1 connection is closed once the answer is written: the
 * unread body would otherwise stay on the connection, in front of the client's next request. A body
 * without a declared length (chunked) is held to the same limit by Quarkus's stream reader (imports).
 */
@ApplicationScoped
public class EndpointBodyLimits {

    private static final Pattern UPLOAD = Pattern.compile("/api/v1/collections/[^/]+/documents/?");
    private static final Pattern IMPORT = Pattern.compile("/api/v1/collections/[^/]+/documents/import/?");
    /** Room for the form fields and the multipart framing around an uploaded file. */
    private static final long FORM_FIELDS = 1024 * 1024;

    private final long uploads;
    private final long imports;
    private final long others;

    public EndpointBodyLimits(SearchConfig config) {
        this.uploads = config.ingest().maxUploadSize().asLongValue() + FORM_FIELDS;
        this.imports = config.ingest().maxImportSize().asLongValue();
        this.others = config.maxRequestSize().asLongValue();
    }

    void install(@Observes Router router) {
        // Before the shared BodyLimit (order -10), which applies the service-wide limit.
        router.route().order(-11).handler(this::refuseDeclaredOverLimit);
        // After Quarkus's own upload limit (order -2), which sets the service-wide limit for chunked bodies.
        router.route().order(-1).handler(ctx -> {
            if (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                // Where Quarkus's stream reader finds the limit of a body without a declared length.
                ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limitOf(ctx.request()));
            }
            ctx.next();
        });
    }

    /** The body limit of a request's endpoint. */
    long limitOf(HttpServerRequest request) {
        if (request.method() == HttpMethod.POST) {
            String path = request.path();
            if (IMPORT.matcher(path).matches()) {
                return imports;
            }
            if (UPLOAD.matcher(path).matches()) {
                return uploads;
            }
        }
        return others;
    }

    private void refuseDeclaredOverLimit(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limitOf(ctx.request());
        if (declared == null || !exceeds(declared, limit)) {
            ctx.next();
            return;
        }
        Problem problem = new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(), 413,
                "The request body is larger than the " + limit + " bytes this endpoint accepts", ctx.request().path(), null,
                null);
        boolean http1 = ctx.request().version() != HttpVersion.HTTP_2;
        if (http1) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ended -> ctx.request().connection().close());
        }
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(Json.encode(problem));
    }

    private static boolean exceeds(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
