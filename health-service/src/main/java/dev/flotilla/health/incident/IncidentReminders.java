package dev.flotilla.health.incident;

import dev.flotilla.common.db.DatabaseOutage;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * On every replica, every {@code scan-interval}: writes a {@code health.incident.reminder} alert for each open,
 * alerted incident whose last alert is a {@code reminder-interval} old (claimed with {@code SKIP LOCKED}, so one
 * replica writes each), and counts the open incidents for the metrics.
 */
@ApplicationScoped
public class IncidentReminders {

    private static final Logger LOG = Logger.getLogger(IncidentReminders.class);
    private static final int BATCH = 100;

    private final IncidentService incidents;
    private final IncidentConfig config;
    private final Clock clock;
    private final DatabaseOutage outage;

    IncidentReminders(IncidentService incidents, IncidentConfig config, Clock clock, DatabaseOutage outage) {
        this.incidents = incidents;
        this.config = config;
        this.clock = clock;
        this.outage = outage;
    }

    @Scheduled(every = "${flotilla.health.incidents.scan-interval:1m}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scan() {
        return incidents.remind(clock.instant().minus(config.reminderInterval()), BATCH)
                .chain(incidents::countOpen)
                .onFailure().invoke(failure -> outage.jobFailed(LOG, failure, "Reminding of open incidents failed"))
                .onFailure().recoverWithNull();
    }
}
