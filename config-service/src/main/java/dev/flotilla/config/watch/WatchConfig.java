package dev.flotilla.config.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of watches: blocking queries, event streams and the {@code config.changed} events ({@code flotilla.watch.*}). */
@ConfigMapping(prefix = "flotilla.watch")
public interface WatchConfig {

    /** How long a blocking query with {@code index} and no {@code wait} is held ({@code FLOTILLA_WATCH_DEFAULT_WAIT}). */
    @WithDefault("5m")
    Duration defaultWait();

    /** The longest a blocking query is held, whatever its {@code wait} asks ({@code FLOTILLA_WATCH_MAX_WAIT}). */
    @WithDefault("10m")
    Duration maxWait();

    /** A quiet event stream sends a comment this often, to keep proxies from closing it. */
    @WithDefault("15s")
    Duration streamKeepalive();

    /** The most revisions an event stream reads at a time. */
    @WithDefault("100")
    int streamBatch();

    /** How each change is published as a {@code config.changed} event to notification-service. */
    Events events();

    interface Events {

        /**
         * Whether changes are published ({@code FLOTILLA_WATCH_EVENTS_ENABLED}); when off, no event is kept for
         * notification-service.
         */
        @WithDefault("true")
        boolean enabled();

        /** How often each replica looks for events to publish (also read by {@code @Scheduled}). */
        @WithDefault("2s")
        Duration shipInterval();

        /** The most events one replica publishes per round. */
        @WithDefault("100")
        int batch();

        /** How long a claimed event is the claiming replica's to publish before another may. */
        @WithDefault("30s")
        Duration lease();

        /** The wait after the first failed attempt to publish an event; it doubles with each further one. */
        @WithDefault("2s")
        Duration minBackoff();

        /** The longest wait before an event notification-service could not take is published again. */
        @WithDefault("5m")
        Duration maxBackoff();
    }
}
