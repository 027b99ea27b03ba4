package dev.flotilla.conversation.memory;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The statements over {@code summaries} and {@code summary_jobs}. Jobs are claimed with {@code for update skip locked}
 * and leased, so replicas never work one conversation's summary at once.
 */
final class MemorySql {

    private static final String SUMMARY_COLUMNS = "tenant_id, conversation_id, content, covers_seq, covers_message_id,"
            + " token_count, model, created_at, updated_at";

    private static final String FIND_SUMMARY = """
            select %s from conversation.summaries
             where tenant_id = $1 and conversation_id = $2""".formatted(SUMMARY_COLUMNS);

    /** A summary never goes back to cover less than it did. */
    private static final String STORE_SUMMARY = """
            insert into conversation.summaries as s (%s)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $8)
            on conflict (tenant_id, conversation_id) do update
               set content = excluded.content, covers_seq = excluded.covers_seq,
                   covers_message_id = excluded.covers_message_id, token_count = excluded.token_count,
                   model = excluded.model, updated_at = excluded.updated_at
             where s.covers_seq < excluded.covers_seq""".formatted(SUMMARY_COLUMNS);

    private static final String REQUEST = """
            insert into conversation.summary_jobs (tenant_id, conversation_id, summarise_before, due_at, created_at)
            values ($1, $2, $3, $4, $4)
            on conflict (tenant_id, conversation_id) do nothing""";

    /** The longest due jobs whose lease is free, leased until $3. */
    private static final String CLAIM = """
            update conversation.summary_jobs j
               set lease_until = $3
              from (select tenant_id, conversation_id from conversation.summary_jobs
                     where due_at <= $1 and (lease_until is null or lease_until <= $1)
                     order by due_at
                     limit $2
                       for update skip locked) due
             where j.tenant_id = due.tenant_id and j.conversation_id = due.conversation_id
            returning j.tenant_id, j.conversation_id, j.summarise_before, j.attempts""";

    private static final String DELETE_JOB = """
            delete from conversation.summary_jobs
             where tenant_id = $1 and conversation_id = $2""";

    private static final String POSTPONE_JOB = """
            update conversation.summary_jobs
               set due_at = $3, attempts = $4, last_error = $5, lease_until = null
             where tenant_id = $1 and conversation_id = $2""";

    private MemorySql() {
    }

    /** A conversation's request for a summary of its messages before {@code summariseBefore}, as claimed. */
    record Job(UUID tenant, UUID conversationId, long summariseBefore, int attempts) {
    }

    static Uni<Summary> findSummary(SqlClient client, UUID tenant, UUID conversation) {
        return client.preparedQuery(FIND_SUMMARY).execute(Tuple.of(tenant, conversation))
                .map(rows -> SqlResults.firstRow(rows, MemorySql::summary));
    }

    static Uni<Void> storeSummary(SqlClient client, Summary summary) {
        return client.preparedQuery(STORE_SUMMARY).execute(Tuple.from(Arrays.asList(summary.tenant(),
                summary.conversationId(), summary.content(), summary.coversSeq(), summary.coversMessageId(),
                summary.tokenCount(), summary.model(), Db.ts(summary.updatedAt())))).replaceWithVoid();
    }

    static Uni<Void> request(SqlClient client, UUID tenant, UUID conversation, long summariseBefore, Instant now) {
        return client.preparedQuery(REQUEST).execute(Tuple.of(tenant, conversation, summariseBefore, Db.ts(now)))
                .replaceWithVoid();
    }

    static Uni<List<Job>> claim(SqlClient client, Instant now, int limit, Instant leaseUntil) {
        return client.preparedQuery(CLAIM).execute(Tuple.of(Db.ts(now), limit, Db.ts(leaseUntil))).map(rows -> {
            List<Job> jobs = new ArrayList<>(rows.size());
            for (Row row : rows) {
                jobs.add(new Job(row.getUUID("tenant_id"), row.getUUID("conversation_id"),
                        row.getLong("summarise_before"), row.getInteger("attempts")));
            }
            return jobs;
        });
    }

    static Uni<Void> deleteJob(SqlClient client, UUID tenant, UUID conversation) {
        return client.preparedQuery(DELETE_JOB).execute(Tuple.of(tenant, conversation)).replaceWithVoid();
    }

    /** The job due again at {@code due}, its lease freed, with its attempts and the error of the last one. */
    static Uni<Void> postponeJob(SqlClient client, UUID tenant, UUID conversation, Instant due, int attempts,
            String lastError) {
        return client.preparedQuery(POSTPONE_JOB)
                .execute(Tuple.from(Arrays.asList(tenant, conversation, Db.ts(due), attempts, lastError)))
                .replaceWithVoid();
    }

    private static Summary summary(Row row) {
        return new Summary(row.getUUID("tenant_id"), row.getUUID("conversation_id"), row.getString("content"),
                row.getLong("covers_seq"), row.getUUID("covers_message_id"), row.getInteger("token_count"),
                row.getString("model"), Db.instant(row, "created_at"), Db.instant(row, "updated_at"));
    }
}
