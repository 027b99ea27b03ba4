package dev.flotilla.auth.key;

import dev.flotilla.common.db.DatabaseOutage;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The scheduled side of key management: every replica reloads the keys often (to sign with, and
 * verify by, keys another replica rotated in), and one replica at a time rotates a key that is due
 * and drops public keys whose last tokens have expired.
 */
@ApplicationScoped
public class KeyJobs {

    private static final Logger LOG = Logger.getLogger(KeyJobs.class);

    private final KeyService keys;
    private final DatabaseOutage outage;

    public KeyJobs(KeyService keys, DatabaseOutage outage) {
        this.keys = keys;
        this.outage = outage;
    }

    @Scheduled(every = "${flotilla.auth.keys.reload-every}", delayed = "${flotilla.auth.keys.reload-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reload() {
        return keys.reload().onFailure()
                .invoke(e -> outage.jobFailed(LOG, e, "Reloading the signing keys failed; keeping the current ones"))
                .onFailure().recoverWithNull();
    }

    @Scheduled(every = "${flotilla.auth.keys.check-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> rotateIfDue() {
        return keys.rotateIfDue().onFailure().invoke(e -> outage.jobFailed(LOG, e, "The scheduled key rotation check failed"))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
