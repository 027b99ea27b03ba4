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
import java.util.List;

/**
 * Delivers the outbox: claims a batch of undelivered rows with {@code FOR UPDATE SKIP LOCKED} (so
 * replicas never deliver the same row at once), hands them to the {@link OutboxSink} and, in the
 * same transaction, marks them delivered, or, when the sink fails, counts the attempt and sets the
 * next one after a growing delay. Delivered rows are deleted after the retention period.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);

    private static final String CLAIM = """
            select id, tenant_id, topic, aggregate_id, payload::text as payload, created_at, attempts
              from task.outbox
             where delivered_at is null and next_attempt_at <= now()
             order by id
             limit $1
               for update skip locked""";

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
        return dispatch().chain(delivered -> delivered < config.outbox().batchSize()
                ? Uni.createFrom().item(delivered)
                : drain().map(more -> delivered + more));
    }

    /** Delivers one batch; answers how many rows were delivered. */
    public Uni<Integer> dispatch() {
        return db.tx(connection -> connection.preparedQuery(CLAIM).execute(Tuple.of(config.outbox().batchSize())).chain(rows -> {
            List<OutboxMessage> batch = new ArrayList<>();
            for (Row row : rows) {
                batch.add(new OutboxMessage(row.getLong("id"), row.getUUID("tenant_id"), row.getString("topic"), row.getUUID("aggregate_id"),
                        new JsonObject(row.getString("payload")), Db.instant(row, "created_at"), row.getInteger("attempts")));
            }
            if (batch.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Long[] ids = batch.stream().map(OutboxMessage::id).toArray(Long[]::new);
            return sink.deliver(batch)
                    .chain(() -> connection.preparedQuery("update task.outbox set delivered_at = now(), attempts = attempts + 1"
                            + " where id = any($1::bigint[])").execute(Tuple.of(ids)).replaceWith(batch.size()))
                    .onFailure().recoverWithUni(failure -> connection.preparedQuery(
                                    "update task.outbox set attempts = attempts + 1, last_error = left($2, 2000),"
                                            + " next_attempt_at = now() + least(power(2, attempts), 100) * $3::bigint * interval '1 millisecond'"
                                            + " where id = any($1::bigint[])")
                            .execute(Tuple.of(ids, String.valueOf(failure.getMessage()), config.outbox().retryDelay().toMillis()))
                            .invoke(() -> LOG.warnf("Outbox delivery of %d messages failed (%s); will retry", batch.size(), failure.getMessage()))
                            .replaceWith(0));
        }));
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> cleanUp() {
        return db.pool().preparedQuery("delete from task.outbox where delivered_at < now() - $1::bigint * interval '1 millisecond'")
                .execute(Tuple.of(config.outbox().retention().toMillis()))
                .onFailure().invoke(failure -> LOG.warnf(failure, "Cleaning up the outbox failed"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
