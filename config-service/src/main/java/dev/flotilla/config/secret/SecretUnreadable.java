package dev.flotilla.config.secret;

/**
 * A stored secret that none of the configured master keys opens: its key was removed from the configuration, or the
 * ciphertext (or what it is bound to) was altered. A fault of the deployment, never of the request.
 */
public final class SecretUnreadable extends RuntimeException {

    SecretUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
