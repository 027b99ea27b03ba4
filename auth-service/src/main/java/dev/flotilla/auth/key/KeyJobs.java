package dev.flotilla.auth.key;

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

    public KeyJobs(KeyService keys) {
        this.keys = keys;
    }

    @Scheduled(every = "${flotilla.auth.keys.reload-every}", delayed = "${flotilla.auth.keys.reload-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reload() {
        return keys.reload().onFailure().invoke(e -> LOG.warn("Reloading the signing keys failed; keeping the current ones", e))
                .onFailure().recoverWithNull();
    }

    @Scheduled(every = "${flotilla.auth.keys.check-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> rotateIfDue() {
        return keys.rotateIfDue().onFailure().invoke(e -> LOG.warn("The scheduled key rotation check failed", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
