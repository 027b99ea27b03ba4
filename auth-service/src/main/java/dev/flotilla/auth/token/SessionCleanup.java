package dev.flotilla.auth.token;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/** Deletes login sessions (and by cascade their refresh tokens) that ended more than a day ago. */
@ApplicationScoped
public class SessionCleanup {

    private final SessionRepository sessions;

    public SessionCleanup(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @WithTransaction
    public Uni<Long> purgeEnded() {
        return sessions.deleteEndedBefore(Instant.now().minus(Duration.ofDays(1)));
    }
}
