package dev.flotilla.conversation.session;

import dev.flotilla.common.db.DatabaseOutage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * On every replica, every {@code sweep-interval}: expires the active sessions past their time, a batch per transaction
 * until none is left (replicas take different ones), counted in {@code flotilla_conversation_sessions_expired_total}.
 */
@ApplicationScoped
public class SessionExpiry {

    private static final Logger LOG = Logger.getLogger(SessionExpiry.class);

    private final SessionService sessions;
    private final SessionConfig config;
    private final DatabaseOutage outage;
    private final Counter expired;

    SessionExpiry(SessionService sessions, SessionConfig config, DatabaseOutage outage, MeterRegistry registry) {
        this.sessions = sessions;
        this.config = config;
        this.outage = outage;
        this.expired = Counter.builder("flotilla.conversation.sessions.expired")
                .description("Chat sessions expired after their time to live without use").register(registry);
    }

    @Scheduled(every = "${flotilla.conversation.sessions.sweep-interval:1m}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return sweepBatches()
                .onFailure().invoke(failure -> outage.jobFailed(LOG, failure, "Expiring chat sessions failed"))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> sweepBatches() {
        return sessions.expire(config.sweepBatch()).chain(count -> {
            expired.increment(count);
            return count < config.sweepBatch() ? Uni.createFrom().voidItem() : sweepBatches();
        });
    }
}
