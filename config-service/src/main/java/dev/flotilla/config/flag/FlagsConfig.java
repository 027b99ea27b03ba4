package dev.flotilla.config.flag;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of feature flags, their evaluation over OFREP and the API keys that call it. */
@ConfigMapping(prefix = "flotilla.flags")
public interface FlagsConfig {

    /**
     * The longest an environment's flags are evaluated from memory without reading them again
     * ({@code FLOTILLA_FLAGS_CACHE_TTL}). Changes reach every replica at once over LISTEN/NOTIFY; this only
     * bounds the effect of a notification that was lost.
     */
    @WithDefault("60s")
    Duration cacheTtl();

    /** The longest an API key is trusted from memory; a revocation reaches every replica at once over LISTEN/NOTIFY. */
    @WithDefault("60s")
    Duration apiKeyCacheTtl();

    /** A quiet OFREP event stream sends a comment this often, to keep proxies from closing it. */
    @WithDefault("15s")
    Duration streamKeepalive();

    /** The {@code inactivityDelaySec} announced with the event stream: clients close it after this long in the background. */
    @WithDefault("120")
    int streamInactivityDelay();

    /**
     * The key signing the event-stream addresses handed out with bulk evaluations ({@code FLOTILLA_FLAGS_STREAM_KEY},
     * base64 of 32 bytes or a passphrase), the same on every replica; without it a development key is kept in
     * {@link #streamKeyFile()}.
     */
    Optional<String> streamKey();

    @WithDefault("${flotilla.home:.flotilla}/config-flag-streams.key")
    String streamKeyFile();
}
