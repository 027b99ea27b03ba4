package dev.flotilla.auth.session;

import dev.flotilla.common.paging.PageParams;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Queries over login sessions, scoped to a tenant and user. */
@ApplicationScoped
class SessionRepository implements PanacheRepositoryBase<LoginSession, UUID> {

    public Uni<LoginSession> find(UUID tenant, UUID user, UUID id) {
        return find("tenantId = ?1 and userId = ?2 and id = ?3", tenant, user, id).firstResult();
    }

    /** The user's live sessions, one page in id order (one extra row fetched). */
    public Uni<List<LoginSession>> livePage(UUID tenant, UUID user, PageParams page, Instant now) {
        String query = "tenantId = :tenant and userId = :user and revokedAt is null and expiresAt > :now";
        Parameters parameters = Parameters.with("tenant", tenant).and("user", user).and("now", now);
        if (page.after() != null) {
            query += " and id > :after";
            parameters.and("after", page.after().id());
        }
        return find(query + " order by id", parameters).range(0, page.limit()).list();
    }

    /** Revokes every live session of the user except {@code keep} (may be null); returns how many. */
    public Uni<Integer> revokeAll(UUID tenant, UUID user, UUID keep, String reason, Instant now) {
        return update("revokedAt = ?1, revokedReason = ?2 where tenantId = ?3 and userId = ?4 and revokedAt is null"
                + " and id <> ?5", now, reason, tenant, user, keep == null ? new UUID(0, 0) : keep);
    }

    /** Revokes one session if still live; returns whether it was. */
    public Uni<Boolean> revoke(UUID tenant, UUID id, String reason, Instant now) {
        return update("revokedAt = ?1, revokedReason = ?2 where tenantId = ?3 and id = ?4 and revokedAt is null",
                now, reason, tenant, id).map(count -> count > 0);
    }

    public Uni<Long> deleteEndedBefore(Instant cutoff) {
        return delete("expiresAt < ?1 or revokedAt < ?1", cutoff);
    }
}
