package dev.flotilla.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Settings of the delivery worker, under {@code flotilla.delivery}. */
@ConfigMapping(prefix = "flotilla.delivery")
public interface DeliveryConfig {

    /**
     * How often each replica looks for due deliveries (also read by {@code @Scheduled} as
     * {@code flotilla.delivery.poll-interval}). New deliveries wake the workers at once through LISTEN/NOTIFY; the poll
     * finds retries coming due and anything a missed notification left.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most deliveries one replica sends at a time. */
    @WithDefault("32")
    int concurrency();

    /**
     * How long a claimed delivery is left to its worker before another may claim it again (a worker that died
     * mid-delivery loses nothing). Longer than {@link #timeout()}.
     */
    @WithDefault("60s")
    Duration lease();

    /** Longest a webhook request may take, connecting included; no answer by then is a failed attempt. */
    @WithDefault("15s")
    Duration timeout();

    /**
     * When each attempt is made, after the one before failed: the first is immediate (Svix's schedule). After the
     * last, the delivery has FAILED.
     */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** Each delay of the schedule varies at random by up to this fraction either way, so retries do not come in waves. */
    @WithDefault("0.1")
    double jitter();

    /** Longest {@code Retry-After} (of a 429 or 503) that is honoured; a longer one waits this long. */
    @WithDefault("1h")
    Duration maxRetryAfter();

    /** An endpoint to which every delivery has failed for this long is disabled. */
    @WithDefault("5d")
    Duration disableAfter();

    /** Most bytes of a response body kept with its attempt. */
    @WithDefault("1024")
    int excerptBytes();
}
