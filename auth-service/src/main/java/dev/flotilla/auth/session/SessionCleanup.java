package dev.flotilla.auth.session;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Deletes login sessions that ended more than a day ago, then every refresh token whose session is
 * gone: those sessions', and those of sessions deleted with their user or tenant (a token does not
 * reference its session by foreign key, so nothing cascades to it).
 */
@ApplicationScoped
public class SessionCleanup {

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;

    public SessionCleanup(SessionRepository sessions, RefreshTokenRepository refreshTokens) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
    }

    /** Returns how many sessions were deleted. */
    @WithTransaction
    public Uni<Long> purgeEnded() {
        return sessions.deleteEndedBefore(Instant.now().minus(Duration.ofDays(1)))
                .call(refreshTokens::deleteWithoutSession);
    }
}
