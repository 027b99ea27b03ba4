package dev.flotilla.policy.log;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Queries over the decision log; all but the retention delete are scoped to a tenant. */
@ApplicationScoped
class DecisionLogRepository implements PanacheRepositoryBase<DecisionLogEntry, UUID> {

    private static final String INSERT = "insert into decision_logs (id, tenant_id, created_at, decision, subject_id, action,"
            + " resource_type, resource_id, input, result, policy_set_id, evaluation_micros)"
            + " select id, tenant_id, created_at, decision, subject_id, action, resource_type, resource_id,"
            + " input::json, result::json, policy_set_id, evaluation_micros"
            + " from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],"
            + " $8::text[], $9::text[], $10::text[], $11::uuid[], $12::bigint[])"
            + " as entry (id, tenant_id, created_at, decision, subject_id, action, resource_type, resource_id,"
            + " input, result, policy_set_id, evaluation_micros)";

    private final Pool pool;

    public DecisionLogRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Writes {@code batch} in one statement, a column of values per parameter: one round trip,
     * one execution in PostgreSQL and none of the per-entity work of a session, which would
     * otherwise be paid for every logged decision. The policy sets the entries refer to must be
     * stored already.
     */
    public Uni<Void> insertAll(EntryBatch batch) {
        Tuple columns = Tuple.tuple().addArrayOfUUID(batch.ids).addArrayOfUUID(batch.tenants)
                .addArrayOfOffsetDateTime(batch.times).addArrayOfString(batch.decisions).addArrayOfString(batch.subjects)
                .addArrayOfString(batch.actions).addArrayOfString(batch.resourceTypes).addArrayOfString(batch.resourceIds)
                .addArrayOfString(batch.inputs).addArrayOfString(batch.results).addArrayOfUUID(batch.policySetIds)
                .addArrayOfLong(batch.evaluationMicros);
        return pool.preparedQuery(INSERT).execute(columns).replaceWithVoid();
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
        return find(where.toString(), Sort.descending("id"), params).range(0, limit - 1).list();
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
