package dev.flotilla.auth.audit;

import dev.flotilla.common.paging.PageParams;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Queries over the audit trail, every one scoped to a tenant (except retention, which spans all). */
@ApplicationScoped
class AuditEventRepository implements PanacheRepositoryBase<AuditEvent, UUID> {

    /** One page, newest first, fetching one extra row to tell whether another page follows. */
    public Uni<List<AuditEvent>> page(UUID tenant, AuditFilter filter, PageParams page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Parameters parameters = Parameters.with("tenant", tenant);
        if (filter.type() != null) {
            query.append(" and type = :type");
            parameters.and("type", filter.type());
        }
        if (filter.actor() != null) {
            query.append(" and actor = :actor");
            parameters.and("actor", filter.actor());
        }
        if (filter.from() != null) {
            query.append(" and occurredAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            query.append(" and occurredAt < :to");
            parameters.and("to", filter.to());
        }
        if (page.after() != null) {
            query.append(" and id < :after");
            parameters.and("after", page.after().id());
        }
        query.append(" order by id desc");
        return find(query.toString(), parameters).range(0, page.limit()).list();
    }

    public Uni<Long> deleteOlderThan(Instant cutoff) {
        return delete("occurredAt < ?1", cutoff);
    }

    /** The filters of the audit query; null means "any". {@code to} is exclusive. */
    public record AuditFilter(String type, String actor, Instant from, Instant to) {
    }
}
