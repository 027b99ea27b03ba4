package dev.flotilla.auth.housekeeping;

import dev.flotilla.auth.audit.AuditService;
import dev.flotilla.auth.session.SessionCleanup;
import dev.flotilla.auth.throttle.LoginThrottle;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The nightly clean-up: audit events past their retention, login sessions (with their refresh tokens)
 * ended more than a day ago, and forgotten brute-force counters. Idempotent, so replicas may overlap.
 */
@ApplicationScoped
public class HousekeepingJobs {

    private static final Logger LOG = Logger.getLogger(HousekeepingJobs.class);

    private final AuditService audit;
    private final SessionCleanup sessions;
    private final LoginThrottle throttle;

    public HousekeepingJobs(AuditService audit, SessionCleanup sessions, LoginThrottle throttle) {
        this.audit = audit;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @Scheduled(cron = "${flotilla.auth.audit.retention-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return audit.applyRetention()
                .invoke(count -> LOG.infof("Audit retention deleted %d event(s)", count))
                .chain(sessions::purgeEnded)
                .chain(throttle::purge)
                .onFailure().invoke(e -> LOG.warn("Housekeeping failed; it runs again next time", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
