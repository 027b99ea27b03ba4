package dev.flotilla.common.audit;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.work.OutboxShipping;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Sends the service's audit outbox to auth-service ({@link OutboxShipping}): each event is leased, sent as the service
 * for its tenant, and deleted once accepted. Each carries the time of its change ({@code detail.at}), as one that had
 * to wait arrives after later ones. An event auth-service cannot take now (down, slow, no service token yet) waits,
 * doubling from {@code min-backoff} up to {@code max-backoff}, as does one refused for a reason configuration can
 * mend (403, 404); one refused for what it is (400, 409, 413, 415, 422) is dropped with a warning. It runs only where
 * {@code flotilla.audit.ship-interval} is set (see {@link AuditConfig}).
 */
@ApplicationScoped
public class AuditShipper {

    private static final Logger LOG = Logger.getLogger(AuditShipper.class);

    private final AuditClient audit;
    private final AuditConfig config;
    private final OutboxShipping<AuditSql.Pending> shipping;

    AuditShipper(Db db, AuditSql sql, AuditClient audit, AuditConfig config, DatabaseOutage outage, Instance<Clock> clock) {
        this.audit = audit;
        this.config = config;
        this.shipping = new OutboxShipping<>(db, sql.outbox(), AuditSql::pending, outage,
                clock.isResolvable() ? clock.get() : Clock.systemUTC(), LOG, "Audit events", "auth-service");
    }

    @Scheduled(every = "${flotilla.audit.ship-interval:off}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> ship() {
        return shipping.round(config, pending -> audit.record(pending.tenant(), pending.event()), AuditShipper::neverAccepted);
    }

    private static boolean neverAccepted(Throwable failure) {
        return failure instanceof AuditRefused refused && refused.aboutTheEvent();
    }
}
