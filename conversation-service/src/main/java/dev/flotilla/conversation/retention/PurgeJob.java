package dev.flotilla.conversation.retention;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.conversation.conversation.ConversationService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * On every replica, every {@code purge-interval}: removes the conversations deleted longer ago than the retention
 * period, with their messages, a small batch per transaction until none is left (replicas take different ones); each
 * purge is audited, and counted in {@code flotilla_conversation_conversations_purged_total}.
 */
@ApplicationScoped
public class PurgeJob {

    private static final Logger LOG = Logger.getLogger(PurgeJob.class);

    private final ConversationService conversations;
    private final RetentionConfig config;
    private final DatabaseOutage outage;
    private final Clock clock;
    private final Counter purged;

    PurgeJob(ConversationService conversations, RetentionConfig config, DatabaseOutage outage, Clock clock,
            MeterRegistry registry) {
        this.conversations = conversations;
        this.config = config;
        this.outage = outage;
        this.clock = clock;
        this.purged = Counter.builder("flotilla.conversation.conversations.purged")
                .description("Deleted conversations purged after their retention period").register(registry);
    }

    @Scheduled(every = "${flotilla.conversation.retention.purge-interval:1h}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return purgeAsOf(clock.instant())
                .onFailure().invoke(failure -> outage.jobFailed(LOG, failure, "Purging deleted conversations failed"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Purges what is past its retention at {@code now}; answers how many conversations. */
    public Uni<Integer> purgeAsOf(Instant now) {
        return purgeBatches(now.minus(config.deleted()), 0);
    }

    private Uni<Integer> purgeBatches(Instant deletedBefore, int sofar) {
        return conversations.purge(deletedBefore, config.purgeBatch()).chain(count -> {
            purged.increment(count);
            return count < config.purgeBatch() ? Uni.createFrom().item(sofar + count)
                    : purgeBatches(deletedBefore, sofar + count);
        });
    }
}
