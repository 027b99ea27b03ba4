package dev.flotilla.policy.log;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The policy sets decision-log entries refer to. */
@ApplicationScoped
class PolicySetRepository implements PanacheRepositoryBase<PolicySet, UUID> {

    /** A set already stored (by this or another replica) only has its last use moved forward. */
    private static final String TOUCH = "insert into decision_log_policy_sets (id, tenant_id, versions, last_used_at)"
            + " values ($1, $2, $3::text::jsonb, $4)"
            + " on conflict (id) do update set last_used_at = greatest(decision_log_policy_sets.last_used_at, excluded.last_used_at)";

    private final Pool pool;

    public PolicySetRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores each set, or marks it used at {@code at} if it is stored already. */
    public Uni<Void> touchAll(Collection<StoredSet> sets, Instant at) {
        List<Tuple> rows = sets.stream()
                .map(s -> Tuple.of(s.id(), s.tenantId(), s.versionsJson(), at.atOffset(ZoneOffset.UTC)))
                .toList();
        return pool.preparedQuery(TOUCH).executeBatch(rows).replaceWithVoid();
    }

    /** The tenant's sets among {@code ids}. */
    public Uni<List<PolicySet>> byIds(UUID tenant, Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("tenantId = ?1 and id in ?2", tenant, ids);
    }

    /** Deletes every set not used since {@code cutoff}; the number deleted. */
    public Uni<Long> deleteUnusedSince(Instant cutoff) {
        return delete("lastUsedAt < ?1", cutoff);
    }

    /** A set as the writer stores it: its id, tenant and versions as JSON text. */
    public record StoredSet(UUID id, UUID tenantId, String versionsJson) {
    }
}
