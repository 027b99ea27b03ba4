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

    /**
     * Whether each change is published as a {@code config.changed} event to notification-service (how, is the
     * notification outbox's: {@code flotilla.notification-outbox.*}).
     */
    Events events();

    interface Events {

        /**
         * Whether changes are published ({@code FLOTILLA_WATCH_EVENTS_ENABLED}); when off, no event is kept for
         * notification-service.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
