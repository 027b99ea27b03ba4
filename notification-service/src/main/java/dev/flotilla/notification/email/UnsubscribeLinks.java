package dev.flotilla.notification.email;

import dev.flotilla.common.crypto.KeyMaterial;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/** The one-click unsubscribe links of the e-mails, under this service's public URL. */
@ApplicationScoped
public class UnsubscribeLinks {

    static final String PATH = "/api/v1/unsubscribe/";

    private final UnsubscribeTokens tokens;
    private final String base;

    public UnsubscribeLinks(EmailConfig config) {
        this.tokens = new UnsubscribeTokens(KeyMaterial.load(config.unsubscribeKey(), Path.of(config.unsubscribeKeyFile()),
                "flotilla.email.unsubscribe-key (FLOTILLA_EMAIL_UNSUBSCRIBE_KEY)"));
        String url = config.publicUrl();
        this.base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + PATH;
    }

    /** The link that turns e-mail of {@code eventType} off for {@code user}. */
    public String link(UUID tenant, String user, String eventType) {
        return base + tokens.issue(tenant, user, eventType);
    }

    public Optional<UnsubscribeTokens.Unsubscribe> verify(String token) {
        return tokens.verify(token);
    }
}
