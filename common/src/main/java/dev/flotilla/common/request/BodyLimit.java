package dev.flotilla.common.request;

import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a declared body larger than {@code quarkus.http.limits.max-body-size} with a 413
 * problem before anything reads it. (Quarkus enforces the same limit itself, but with an empty
 * body; this route runs first so clients get the suite's problem format.)
 */
@ApplicationScoped
public class BodyLimit {

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        long max = limit.asLongValue();
        router.route().order(-10).handler(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            if (declared != null && exceeds(declared, max)) {
                Problem problem = new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(), 413,
                        "The request body is larger than the " + max + " bytes this service accepts",
                        ctx.request().path(), null, null);
                if (ctx.request().version() != HttpVersion.HTTP_2) {
                    // The body is never read: close the connection so it cannot stand in front of the next request.
                    ctx.response().endHandler(ended -> ctx.request().connection().close());
                }
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(problem));
                return;
            }
            ctx.next();
        });
    }

    private static boolean exceeds(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
