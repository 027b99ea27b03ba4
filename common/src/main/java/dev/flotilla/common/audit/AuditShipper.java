package dev.flotilla.common.audit;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the service's audit outbox to auth-service, oldest first and one at a time: each event is leased, sent as the service
 * for
 * its tenant, and deleted once accepted. Each carries the time of its change ({@code detail.at}), as one that had to
 * wait arrives after later ones. An event auth-service cannot take now
 * (down, slow, no service token yet) waits, doubling up
 * to {@code max-backoff}, as does one refused for a reason configuration can mend (403, 404); one refused for what it
 * is (400, 409, 413, 415, 422) is dropped with a warning, as it never would be accepted. It runs only where
 * {@code flotilla.audit.ship-interval} is set (see {@link AuditConfig}).
 */
@ApplicationScoped
public class AuditShipper {

    private static final Logger LOG = Logger.getLogger(AuditShipper.class);

    private final Db db;
    private final AuditSql sql;
    private final AuditClient audit;
    private final AuditConfig config;
    private final DatabaseOutage outage;
    private final Clock clock;
    private volatile boolean waiting;

    AuditShipper(Db db, AuditSql sql, AuditClient audit, AuditConfig config, DatabaseOutage outage, Instance<Clock> clock) {
        this.db = db;
        this.sql = sql;
        this.audit = audit;
        this.config = config;
        this.outage = outage;
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
    }

    @Scheduled(every = "${flotilla.audit.ship-interval:off}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> ship() {
        Instant now = clock.instant();
        return db.statement(pool -> sql.claim(pool, now, config.batch(), now.plus(config.lease())))
                .onItem().transformToMulti(pending -> Multi.createFrom().iterable(pending))
                .onItem().transformToUni(this::send).concatenate()
                .collect().asList()
                .invoke(this::reportWaiting)
                .onFailure().invoke(failure -> outage.jobFailed(LOG, failure, "Sending audit events to auth-service failed"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Sends one event; answers whether it has to wait for another attempt. */
    private Uni<Boolean> send(AuditSql.Pending pending) {
        return audit.record(pending.tenant(), pending.event())
                .chain(() -> db.statement(pool -> sql.delete(pool, pending.id())))
                .replaceWith(false)
                .onFailure(AuditShipper::neverAccepted).call(refused -> {
                    LOG.warnf("auth-service refused audit event %s (%s): %s; it is dropped", pending.id(),
                            pending.event().type(),
                            refused.getMessage());
                    return db.statement(pool -> sql.delete(pool, pending.id()));
                })
                .onFailure(AuditShipper::neverAccepted).recoverWithItem(false)
                .onFailure().call(failure -> {
                    LOG.debugf("Audit event %s waits: %s", pending.id(), failure.getMessage());
                    return db.statement(
                            pool -> sql.postpone(pool, pending.id(), clock.instant().plus(backoff(pending.attempts()))));
                })
                .onFailure().recoverWithItem(true);
    }

    private static boolean neverAccepted(Throwable failure) {
        return failure instanceof AuditRefused refused && refused.aboutTheEvent();
    }

    /** One WARN when events start to wait (auth-service down, this service's client refused), one INFO when they flow. */
    private void reportWaiting(List<Boolean> results) {
        long waiting = results.stream().filter(Boolean::booleanValue).count();
        if (waiting > 0 && !this.waiting) {
            LOG.warnf("%d audit event(s) could not be sent to auth-service; they are kept and sent again with back-off",
                    waiting);
        } else if (waiting == 0 && this.waiting && !results.isEmpty()) {
            LOG.info("Audit events reach auth-service again");
        }
        if (waiting > 0 || !results.isEmpty()) {
            this.waiting = waiting > 0;
        }
    }

    /** 2 s after the first failed attempt, doubling, at most {@code max-backoff}. */
    private Duration backoff(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(Math.max(attempts, 1), 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
