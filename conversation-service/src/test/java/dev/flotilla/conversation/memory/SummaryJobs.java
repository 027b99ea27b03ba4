package dev.flotilla.conversation.memory;

import dev.flotilla.common.db.Db;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The summary requests waiting for a conversation, as the job sees them. */
@ApplicationScoped
public class SummaryJobs {

    private final Pool pool;

    SummaryJobs(Pool pool) {
        this.pool = pool;
    }

    /** {@code summariseBefore}, {@code attempts}, {@code lastError}, {@code dueAt} and {@code leaseUntil} of each. */
    public List<JsonObject> of(UUID tenant, String conversation) {
        List<JsonObject> jobs = new ArrayList<>();
        pool.preparedQuery("select summarise_before, attempts, last_error, due_at, lease_until"
                + " from conversation.summary_jobs where tenant_id = $1 and conversation_id = $2")
                .execute(Tuple.of(tenant, UUID.fromString(conversation))).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> jobs.add(new JsonObject().put("summariseBefore", row.getLong("summarise_before"))
                        .put("attempts", row.getInteger("attempts")).put("lastError", row.getString("last_error"))
                        .put("dueAt", Db.instant(row, "due_at")).put("leaseUntil", Db.instant(row, "lease_until"))));
        return jobs;
    }
}
