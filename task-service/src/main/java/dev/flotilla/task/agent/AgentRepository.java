package dev.flotilla.task.agent;

import dev.flotilla.common.paging.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Queries over agents; every one is scoped to a tenant. */
@ApplicationScoped
class AgentRepository implements PanacheRepositoryBase<Agent, UUID> {

    public Uni<Agent> find(UUID tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** The agent, locked against concurrent writers until the transaction ends. */
    public Uni<Agent> findForUpdate(UUID tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Agent> findByName(UUID tenant, String name) {
        return find("tenantId = ?1 and name = ?2", tenant, name).firstResult();
    }

    /**
     * A page of agents in id order, optionally filtered. {@code online} compares the last heartbeat
     * with {@code onlineSince}.
     */
    public Uni<List<Agent>> page(UUID tenant, AgentFilter filter, Instant onlineSince, Cursor after, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenant);
        if (after != null) {
            query.append(" and id > :after");
            params.and("after", after.id());
        }
        if (filter.type() != null) {
            query.append(" and type = :type");
            params.and("type", filter.type());
        }
        if (filter.lifecycle() != null) {
            query.append(" and lifecycle = :lifecycle");
            params.and("lifecycle", filter.lifecycle());
        }
        if (filter.capability() != null) {
            query.append(" and array_contains(capabilities, :capability)");
            params.and("capability", filter.capability());
        }
        if (filter.status() == AgentStatus.ONLINE) {
            query.append(" and lastHeartbeatAt >= :since");
            params.and("since", onlineSince);
        } else if (filter.status() == AgentStatus.OFFLINE) {
            query.append(" and (lastHeartbeatAt is null or lastHeartbeatAt < :since)");
            params.and("since", onlineSince);
        }
        return find(query.toString(), Sort.by("id"), params).range(0, limit).list();
    }
}
