package dev.flotilla.task.outbox;

import dev.flotilla.task.config.TaskConfig;
import dev.flotilla.task.db.Db;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the outbox: takes a batch of due rows with {@code FOR UPDATE SKIP LOCKED} (so replicas
 * never deliver the same row at once), deleting them in the same statement, and hands them to the
 * {@link OutboxSink} before the transaction commits. A delivered row is gone in one small delete,
 * so the table holds only what is still to be delivered; the history of every task stays in its
 * events. When the sink fails, the transaction rolls back (the rows are back, undelivered) and the
 * attempt is counted, with the next one after a growing delay.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);

    /**
     * The batch size stays a parameter although it never changes: PostgreSQL then plans each
     * batch for the outbox as it is. Written into the statement (no parameter left), the plan made
     * once, while the outbox was nearly empty, was kept while it grew: 25,686 buffers read per
     * batch against 1,665 (measured on the task bench's lifecycle).
     */
    private static final String TAKE = """
            delete from task.outbox
             where id in (select id from task.outbox
                           where next_attempt_at <= now()
                           order by id
                           limit $1
                             for update skip locked)
            returning id, tenant_id, topic, aggregate_id, payload::text as payload, created_at, attempts""";

    private static final String FAILED = """
            update task.outbox
               set attempts = attempts + 1, last_error = left($2, 2000),
                   next_attempt_at = now() + least(power(2, attempts), 100) * $3::bigint * interval '1 millisecond'
             where id = any($1::bigint[])""";

    private final AtomicInteger deliveredSinceVacuum = new AtomicInteger();
    private final Db db;
    private final OutboxSink sink;
    private final TaskConfig config;

    public OutboxDispatcher(Db db, OutboxSink sink, TaskConfig config) {
        this.db = db;
        this.sink = sink;
        this.config = config;
    }

    @Scheduled(every = "${flotilla.task.outbox.dispatch-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return drain()
                .onFailure().invoke(failure -> LOG.warnf(failure, "Dispatching the outbox failed; the next run retries"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Delivers batch after batch while they come full, so a busy queue's outbox keeps up; answers how many rows were delivered. */
    public Uni<Integer> drain() {
        return dispatch().call(this::vacuumWhenDue).chain(delivered -> delivered < config.outbox().batchSize()
                ? Uni.createFrom().item(delivered)
                : drain().map(more -> delivered + more));
    }

    /**
     * Vacuums the outbox once {@code flotilla.task.outbox.vacuum-after} rows have been delivered
     * since the last time, so that taking the oldest rows does not walk ever more deleted ones. A
     * failure (say, a database user that does not own the table) is logged and leaves it to autovacuum.
     */
    Uni<Void> vacuumWhenDue(int delivered) {
        int threshold = config.outbox().vacuumAfter();
        if (threshold <= 0 || deliveredSinceVacuum.addAndGet(delivered) < threshold) {
            return Uni.createFrom().voidItem();
        }
        deliveredSinceVacuum.set(0);
        return db.pool().query("vacuum task.outbox").execute().replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Vacuuming the outbox failed (%s); autovacuum will do it", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Delivers one batch; answers how many rows were delivered. */
    public Uni<Integer> dispatch() {
        List<OutboxMessage> batch = new ArrayList<>();
        return db.tx(connection -> connection.preparedQuery(TAKE).execute(Tuple.of(config.outbox().batchSize())).chain(rows -> {
                    batch.clear();
                    for (Row row : rows) {
                        batch.add(new OutboxMessage(row.getLong("id"), row.getUUID("tenant_id"), row.getString("topic"),
                                row.getUUID("aggregate_id"), new JsonObject(row.getString("payload")), Db.instant(row, "created_at"),
                                row.getInteger("attempts")));
                    }
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    batch.sort(Comparator.comparingLong(OutboxMessage::id));
                    return sink.deliver(batch).replaceWith(batch.size());
                }))
                .onFailure(failure -> !batch.isEmpty()).recoverWithUni(failure -> db.pool().preparedQuery(FAILED)
                        .execute(Tuple.of(batch.stream().map(OutboxMessage::id).toArray(Long[]::new), String.valueOf(failure.getMessage()),
                                config.outbox().retryDelay().toMillis()))
                        .invoke(() -> LOG.warnf("Outbox delivery of %d messages failed (%s); will retry", batch.size(), failure.getMessage()))
                        .replaceWith(0));
    }
}
