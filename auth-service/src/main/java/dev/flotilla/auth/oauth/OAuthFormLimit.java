package dev.flotilla.auth.oauth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers an OAuth request whose declared body is larger than {@link OAuthForm#MAX_BYTES} with a
 * 413 in the OAuth error form before anything reads the body, and closes the connection, so a
 * megabyte sent to a token endpoint is neither buffered nor decoded. A body sent without a length
 * (chunked) is measured when the endpoint reads it ({@link OAuthForm#parse}).
 */
@ApplicationScoped
public class OAuthFormLimit {

    /** Before the suite's own body limit (order -10), which answers in the problem format. */
    private static final int ORDER = -11;

    void install(@Observes Router router) {
        String body = new JsonObject().put("error", "invalid_request")
                .put("error_description", OAuthForm.tooLarge().getMessage()).encode();
        router.route("/oauth2/*").order(ORDER).handler(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            if (declared != null && exceeds(declared)) {
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-store")
                        .putHeader("Connection", "close")
                        .end(body);
                return;
            }
            ctx.next();
        });
    }

    private static boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > OAuthForm.MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
