package dev.flotilla.policy.log;

import dev.flotilla.policy.config.PolicyConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Deletes decision-log entries older than {@code flotilla.policy.decision-log.retention}, for every
 * tenant, and the policy sets no entry written since then refers to.
 */
@ApplicationScoped
public class DecisionLogRetention {

    private static final Logger LOG = Logger.getLogger(DecisionLogRetention.class);

    private final DecisionLogRepository entries;
    private final PolicySetRepository policySets;
    private final Duration retention;

    DecisionLogRetention(DecisionLogRepository entries, PolicySetRepository policySets, PolicyConfig config) {
        this.entries = entries;
        this.policySets = policySets;
        this.retention = config.decisionLog().retention();
    }

    @Scheduled(every = "${flotilla.policy.decision-log.retention-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().replaceWithVoid();
    }

    /** Deletes the expired entries now; the number deleted. */
    public Uni<Long> purge() {
        Instant cutoff = Instant.now().minus(retention);
        return Panache.withTransaction(() -> entries.deleteOlderThan(cutoff)
                .call(() -> policySets.deleteUnusedSince(cutoff)))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("Deleted %d decision-log entries older than %s", deleted, cutoff);
                    }
                });
    }
}
