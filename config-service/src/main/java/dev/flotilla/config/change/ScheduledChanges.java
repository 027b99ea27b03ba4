package dev.flotilla.config.change;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Applies approved change requests whose {@code applyAt} has come, on every replica. Each is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and applied in the transaction that holds it, which also marks it APPLIED (or FAILED):
 * replicas share the due requests instead of repeating them, and a request is applied once.
 */
@ApplicationScoped
public class ScheduledChanges {

    private static final Logger LOG = Logger.getLogger(ScheduledChanges.class);

    /** The most requests one run applies, so a backlog does not hold the job for long. */
    private static final int BATCH = 100;

    private final Db db;
    private final ChangeDocuments documents;
    private final ChangeApplier applier;
    private final DatabaseOutage outage;

    ScheduledChanges(Db db, ChangeDocuments documents, ChangeApplier applier, DatabaseOutage outage) {
        this.db = db;
        this.documents = documents;
        this.applier = applier;
        this.outage = outage;
    }

    @Scheduled(every = "${flotilla.change-requests.apply-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return applyDue()
                .onFailure()
                .invoke(failure -> outage.jobFailed(LOG, failure,
                        "Applying scheduled change requests failed; the next run retries"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Applies the due requests, each in a transaction of its own; how many this run took. */
    public Uni<Integer> applyDue() {
        return next(0);
    }

    private Uni<Integer> next(int done) {
        if (done >= BATCH) {
            return Uni.createFrom().item(done);
        }
        return db.tx(tx -> ChangeRequestSql.claimDue(tx, documents).chain(request -> request == null
                ? Uni.createFrom().item(false)
                : applier.apply(tx, request, null, Instant.now().truncatedTo(ChronoUnit.MICROS)).replaceWith(true)))
                .chain(took -> took ? next(done + 1) : Uni.createFrom().item(done));
    }
}
