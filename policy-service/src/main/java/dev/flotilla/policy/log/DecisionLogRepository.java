package dev.flotilla.policy.log;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Queries over the decision log; all but the retention delete are scoped to a tenant. */
@ApplicationScoped
public class DecisionLogRepository implements PanacheRepositoryBase<DecisionLogEntry, UUID> {

    private static final String INSERT = "insert into decision_logs (id, tenant_id, created_at, decision, subject_id, action,"
            + " resource_type, resource_id, input, result, policy_versions, evaluation_micros)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

    private final Pool pool;

    public DecisionLogRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Writes {@code batch} as one pipelined, atomic statement batch: one round trip, and none of
     * the per-entity work of a session, which at thousands of logged decisions a second matters.
     */
    public Uni<Void> insertAll(List<DecisionLogEntry> batch) {
        List<Tuple> rows = batch.stream().map(e -> Tuple.tuple()
                .addValue(e.id).addValue(e.tenantId).addValue(e.createdAt.atOffset(ZoneOffset.UTC)).addValue(e.decision)
                .addValue(e.subjectId).addValue(e.action).addValue(e.resourceType).addValue(e.resourceId)
                .addValue(new JsonObject(e.input)).addValue(new JsonObject(e.result))
                .addValue(new JsonObject(e.policyVersions)).addValue(e.evaluationMicros)).toList();
        return pool.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    /** Entries matching {@code filter}, newest first, older than {@code before} when it is given. */
    public Uni<List<DecisionLogEntry>> page(UUID tenant, DecisionLogFilter filter, UUID before, int limit) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenant);
        if (before != null) {
            where.append(" and id < :before");
            params.and("before", before);
        }
        if (filter.decision() != null) {
            where.append(" and decision = :decision");
            params.and("decision", filter.decision().name());
        }
        if (filter.action() != null) {
            where.append(" and action = :action");
            params.and("action", filter.action());
        }
        if (filter.subjectId() != null) {
            where.append(" and subjectId = :subjectId");
            params.and("subjectId", filter.subjectId());
        }
        if (filter.resourceType() != null) {
            where.append(" and resourceType = :resourceType");
            params.and("resourceType", filter.resourceType());
        }
        if (filter.resourceId() != null) {
            where.append(" and resourceId = :resourceId");
            params.and("resourceId", filter.resourceId());
        }
        if (filter.from() != null) {
            where.append(" and createdAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and createdAt < :to");
            params.and("to", filter.to());
        }
        return find(where.toString(), Sort.descending("id"), params).range(0, limit).list();
    }

    /** The tenant's most recent entries, newest first. */
    public Uni<List<DecisionLogEntry>> recent(UUID tenant, int limit) {
        return find("tenantId = ?1", Sort.descending("id"), tenant).range(0, limit - 1).list();
    }

    /** Deletes every tenant's entries older than {@code cutoff}; the number deleted. */
    public Uni<Long> deleteOlderThan(Instant cutoff) {
        return delete("createdAt < ?1", cutoff);
    }
}
