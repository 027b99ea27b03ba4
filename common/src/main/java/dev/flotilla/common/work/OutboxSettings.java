package dev.flotilla.common.work;

import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The settings every outbox's shipper has ({@link OutboxShipping}), under the prefix of the outbox's own
 * {@code @ConfigMapping}, which extends this interface.
 */
public interface OutboxSettings {

    /**
     * How often each replica looks for rows to send (read by {@code @Scheduled}): a duration such as {@code 2s}, or
     * {@code off} (the default) in a service that keeps no such outbox, or whose tests read the outbox itself.
     */
    @WithDefault("off")
    String shipInterval();

    /** The most rows one replica sends per round. */
    @WithDefault("100")
    int batch();

    /** How long a claimed row is the claiming replica's to send before another may send it. */
    @WithDefault("30s")
    Duration lease();

    /** The wait after the first failed attempt to send a row; it doubles with each further one. */
    @WithDefault("2s")
    Duration minBackoff();

    /** The longest wait before a row the peer could not take is sent again. */
    @WithDefault("5m")
    Duration maxBackoff();
}
