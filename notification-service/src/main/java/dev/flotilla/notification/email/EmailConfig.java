package dev.flotilla.notification.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** E-mail settings beyond the standard {@code quarkus.mailer.*} (SMTP host, port, from, TLS, credentials). */
@ConfigMapping(prefix = "flotilla.email")
public interface EmailConfig {

    /**
     * The address recipients reach this service at, for the one-click unsubscribe links
     * ({@code FLOTILLA_EMAIL_PUBLIC_URL}; in Kubernetes the public URL of the ingress).
     */
    @WithDefault("http://localhost:8086")
    String publicUrl();

    /**
     * The key signing unsubscribe links ({@code FLOTILLA_EMAIL_UNSUBSCRIBE_KEY}, base64 of 32 bytes or a
     * passphrase), the same on every replica; without it a development key is kept in {@link #unsubscribeKeyFile()}.
     */
    Optional<String> unsubscribeKey();

    @WithDefault("${flotilla.home:.flotilla}/notification-unsubscribe.key")
    String unsubscribeKeyFile();
}
