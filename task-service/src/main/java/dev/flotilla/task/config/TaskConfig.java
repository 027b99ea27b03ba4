package dev.flotilla.task.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Settings of task-service, under {@code flotilla.task}. */
@ConfigMapping(prefix = "flotilla.task")
public interface TaskConfig {

    /** Agents: liveness. */
    Agents agents();

    /** Task defaults, applied when a created task does not say. */
    Defaults defaults();

    /** Dispatch: claims, leases, long polls. */
    Dispatch dispatch();

    /** The background jobs. */
    Jobs jobs();

    /** The transactional outbox. */
    Outbox outbox();

    /** Publishing task and workflow outcomes to notification-service. */
    Notifications notifications();

    /** Recurring schedules. */
    Schedules schedules();

    /** Deleting what finished long ago. */
    Retention retention();

    interface Retention {

        /**
         * How long a finished task (SUCCEEDED, FAILED, CANCELLED, DEAD) or workflow (SUCCEEDED, FAILED, CANCELLED)
         * is kept after it finished, with its events and dependencies.
         */
        @WithDefault("30d")
        Duration finished();

        /** Tenants' own periods, instead of {@link #finished()}: {@code flotilla.task.retention.tenant."<id>"=7d}. */
        Map<UUID, Duration> tenant();

        /** How often the retention job runs (also read by {@code @Scheduled}, {@code off} to turn it off). */
        @WithDefault("1h")
        String interval();

        /** Most tasks or workflows one transaction deletes: small, so claims are never held up for long. */
        @WithDefault("500")
        int batch();
    }

    interface Agents {
        /** An agent without a heartbeat (or claim) for this long is OFFLINE. */
        @WithDefault("60s")
        Duration offlineAfter();

        /** The window of {@code GET /agents/{id}/metrics} when the request names none. */
        @WithDefault("24h")
        Duration metricsWindow();
    }

    interface Defaults {
        /** Priority of a task that names none (0 lowest, 9 highest). */
        @WithDefault("5")
        int priority();

        /** Attempts a task gets before it is DEAD. */
        @WithDefault("3")
        int maxAttempts();

        /** Back-off before the second attempt. */
        @WithDefault("1s")
        Duration backoffInitial();

        /** Longest back-off between two attempts. */
        @WithDefault("5m")
        Duration backoffMax();

        /** Factor by which the back-off grows from one attempt to the next. */
        @WithDefault("2.0")
        double backoffMultiplier();
    }

    interface Dispatch {
        /** Lease of a claimed task when the claim names none; every task heartbeat renews it. */
        @WithDefault("30s")
        Duration lease();

        /** Longest lease a claim may ask for. */
        @WithDefault("1h")
        Duration maxLease();

        /** Most tasks one claim may take. */
        @WithDefault("100")
        int maxClaim();

        /** Longest long poll ({@code waitSeconds}) of a claim. */
        @WithDefault("60")
        int maxWaitSeconds();
    }

    interface Jobs {
        /**
         * How often expired leases are swept and due PENDING tasks become SCHEDULED (also used
         * by {@code @Scheduled} as {@code flotilla.task.jobs.sweep-interval}).
         */
        @WithDefault("1s")
        Duration sweepInterval();

        /** Most tasks one sweep moves, per kind of move. */
        @WithDefault("500")
        int sweepBatch();
    }

    interface Outbox {
        /** How often the dispatcher looks for events to deliver. */
        @WithDefault("1s")
        Duration dispatchInterval();

        /** Most events one dispatch delivers. */
        @WithDefault("200")
        int batchSize();

        /** Pause before a batch whose delivery failed is offered again (doubled per attempt, capped at 100 times). */
        @WithDefault("5s")
        Duration retryDelay();
    }

    interface Notifications {
        /**
         * Whether the outbox publishes outcomes to notification-service. Off, they are passed over
         * unpublished, for good: for running without notification-service.
         */
        @WithDefault("true")
        boolean enabled();

        /** Most events of a batch published at once. */
        @WithDefault("16")
        int concurrency();

        /**
         * Longest the publishing of one batch may take, after which the batch counts as failed and is
         * offered again. The dispatcher's transaction waits meanwhile, holding the cursor's lock, and
         * PostgreSQL ends a transaction idle for longer than {@code idle_in_transaction_session_timeout}:
         * keep this well under it.
         */
        @WithDefault("15s")
        Duration batchTimeout();
    }

    interface Schedules {
        /** How often due schedules are ticked. */
        @WithDefault("1s")
        Duration tickInterval();

        /**
         * With catch-up policy SKIP, a due tick older than this is considered missed (the service
         * was down) and skipped; a younger one runs.
         */
        @WithDefault("1m")
        Duration misfireGrace();
    }
}
