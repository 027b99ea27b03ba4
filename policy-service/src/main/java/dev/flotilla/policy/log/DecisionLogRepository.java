package dev.flotilla.policy.log;

import dev.flotilla.policy.policy.PolicyDocuments;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Queries over the decision log; all but the retention delete are scoped to a tenant. */
@ApplicationScoped
public class DecisionLogRepository implements PanacheRepositoryBase<DecisionLogEntry, UUID> {

    private static final String INSERT = "insert into decision_logs (id, tenant_id, created_at, decision, subject_id, action,"
            + " resource_type, resource_id, input, result, policy_set_id, evaluation_micros)"
            + " select id, tenant_id, created_at, decision, subject_id, action, resource_type, resource_id,"
            + " input::jsonb, result::jsonb, policy_set_id, evaluation_micros"
            + " from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],"
            + " $8::text[], $9::text[], $10::text[], $11::uuid[], $12::bigint[])"
            + " as entry (id, tenant_id, created_at, decision, subject_id, action, resource_type, resource_id,"
            + " input, result, policy_set_id, evaluation_micros)";

    private final Pool pool;
    private final PolicyDocuments documents;

    public DecisionLogRepository(Pool pool, PolicyDocuments documents) {
        this.pool = pool;
        this.documents = documents;
    }

    /**
     * Writes {@code batch} in one statement, a column of values per parameter: one round trip,
     * one execution in PostgreSQL and none of the per-entity work of a session, which at thousands
     * of logged decisions a second matters. Each entry refers to the policy set
     * {@code policySetOf} names, which must be stored already.
     */
    public Uni<Void> insertAll(List<PendingEntry> batch, Function<PendingEntry, UUID> policySetOf) {
        int size = batch.size();
        UUID[] ids = new UUID[size];
        UUID[] tenants = new UUID[size];
        OffsetDateTime[] times = new OffsetDateTime[size];
        String[] decisions = new String[size];
        String[] subjects = new String[size];
        String[] actions = new String[size];
        String[] resourceTypes = new String[size];
        String[] resourceIds = new String[size];
        String[] inputs = new String[size];
        String[] results = new String[size];
        UUID[] policySets = new UUID[size];
        Long[] micros = new Long[size];
        for (int i = 0; i < size; i++) {
            PendingEntry e = batch.get(i);
            ids[i] = e.id();
            tenants[i] = e.tenantId();
            times[i] = e.createdAt().atOffset(ZoneOffset.UTC);
            decisions[i] = e.outcome().decision().name();
            subjects[i] = e.request().subject().id();
            actions[i] = e.request().action();
            resourceTypes[i] = e.request().resource().type();
            resourceIds[i] = e.request().resource().id();
            inputs[i] = documents.toJsonText(e.request());
            results[i] = documents.toJsonText(e.outcome());
            policySets[i] = policySetOf.apply(e);
            micros[i] = e.outcome().evaluationMicros();
        }
        Tuple columns = Tuple.tuple().addArrayOfUUID(ids).addArrayOfUUID(tenants).addArrayOfOffsetDateTime(times)
                .addArrayOfString(decisions).addArrayOfString(subjects).addArrayOfString(actions)
                .addArrayOfString(resourceTypes).addArrayOfString(resourceIds).addArrayOfString(inputs)
                .addArrayOfString(results).addArrayOfUUID(policySets).addArrayOfLong(micros);
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
