package dev.flotilla.config.secret;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** The keys that encrypt secret entries, under {@code flotilla.config}. */
@ConfigMapping(prefix = "flotilla.config")
public interface SecretConfig {

    /**
     * The master key new secrets are encrypted with ({@code FLOTILLA_CONFIG_MASTER_KEY}: base64 of 32 bytes, or a
     * passphrase), the same on every replica. Without it a development key is kept in {@link #masterKeyFile()}.
     */
    Optional<String> masterKey();

    /**
     * Master keys that were current before ({@code FLOTILLA_CONFIG_PREVIOUS_MASTER_KEYS}, comma-separated): secrets
     * stored under them still decrypt, and are encrypted with {@link #masterKey()} when next written.
     */
    Optional<List<String>> previousMasterKeys();

    /** Where a generated development master key is kept when {@link #masterKey()} is not set. */
    @WithDefault("${flotilla.home:.flotilla}/config-master.key")
    String masterKeyFile();
}
