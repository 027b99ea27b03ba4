package dev.flotilla.common.crypto;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * 256-bit keys a service keeps secret (auth-service's master key, notification-service's
 * unsubscribe-link key, ...): from configuration in production, the same on every replica; in a
 * local run without it, generated once into a file under the state directory and reused on later
 * starts, with a warning that names the variable to set.
 */
public final class KeyMaterial {

    private static final Logger LOG = Logger.getLogger(KeyMaterial.class);
    public static final int BYTES = 32;

    private KeyMaterial() {
    }

    /** The configured key, or the development key kept in {@code developmentFile}; {@code variable} names the setting. */
    public static byte[] load(Optional<String> configured, Path developmentFile, String variable) {
        return configured.map(KeyMaterial::fromText).orElseGet(() -> developmentKey(developmentFile, variable));
    }

    /** 32 bytes given in base64, or a passphrase stretched to 32 bytes with SHA-256. */
    public static byte[] fromText(String text) {
        try {
            byte[] decoded = Base64.getDecoder().decode(text.trim());
            if (decoded.length == BYTES) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // a passphrase: stretched below
        }
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] developmentKey(Path file, String variable) {
        try {
            if (Files.exists(file)) {
                return fromText(Files.readString(file));
            }
            byte[] fresh = new byte[BYTES];
            new SecureRandom().nextBytes(fresh);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            LOG.warnf("No %s is set: generated a development key into %s. Set the variable in production, "
                    + "the same on every replica.", variable, file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("No " + variable + " is set and no development key could be kept in " + file
                    + ": set the variable", e);
        }
    }
}
