package dev.flotilla.task.outbox;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.task.config.TaskConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Delivers the outbox: the task and workflow events, in the order their transactions wrote them,
 * from where the last delivery ended ({@code outbox_cursor}). One transaction locks the cursor
 * (a replica that finds it locked leaves the work to the one holding it), reads a batch, hands it
 * to the {@link OutboxSink} and moves the cursor past it. When the sink fails, the cursor stays,
 * the attempt is counted, and the same events are offered again after a growing delay.
 *
 * <p>
 * Events are read in {@code (xid, id)} order and only from transactions older than the oldest
 * one still running when the cursor was locked ({@code pg_snapshot_xmin}): an event id is taken
 * before its transaction commits, so a plain id cursor would pass over an event whose transaction
 * commits after a later one's. No transaction running or yet to start can write below that
 * horizon, so nothing is skipped; a long transaction anywhere in the database delays delivery
 * until it ends.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);

    private final Db db;
    private final OutboxSink sink;
    private final TaskConfig config;
    private final DatabaseOutage outage;

    public OutboxDispatcher(Db db, OutboxSink sink, TaskConfig config, DatabaseOutage outage) {
        this.outage = outage;
        this.db = db;
        this.sink = sink;
        this.config = config;
    }

    @Scheduled(every = "${flotilla.task.outbox.dispatch-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return drain()
                .onFailure()
                .invoke(failure -> outage.jobFailed(LOG, failure, "Dispatching the outbox failed; the next run retries"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Delivers batch after batch while they come full, so a busy queue's outbox keeps up; answers how many events were
     * delivered.
     */
    public Uni<Integer> drain() {
        return dispatch().chain(delivered -> delivered < config.outbox().batchSize()
                ? Uni.createFrom().item(delivered)
                : drain().map(more -> delivered + more));
    }

    /** Delivers one batch; answers how many events were delivered (none while another replica delivers). */
    public Uni<Integer> dispatch() {
        return db.tx(connection -> OutboxSql.lockCursor(connection).chain(cursor -> cursor.size() == 0
                ? Uni.createFrom().item(0)
                : deliverAfter(connection, cursor.iterator().next())));
    }

    /**
     * Hands the batch after the cursor to the sink. A refused batch is counted on the cursor in the
     * same transaction, while it is still locked, so no other run can offer the batch in between.
     */
    private Uni<Integer> deliverAfter(SqlConnection connection, Row cursor) {
        int attempts = cursor.getInteger("attempts");
        return OutboxSql.take(connection, cursor.getString("xid"), cursor.getLong("id"), cursor.getString("horizon"),
                config.outbox().batchSize())
                .chain(rows -> {
                    List<OutboxMessage> batch = new ArrayList<>();
                    Row last = null;
                    for (Row row : rows) {
                        batch.add(message(row, attempts));
                        last = row;
                    }
                    if (last == null) {
                        return Uni.createFrom().item(0);
                    }
                    String lastXid = last.getString("xid");
                    Long lastId = last.getLong("id");
                    return sink.deliver(batch)
                            .chain(() -> OutboxSql.advance(connection, lastXid, lastId))
                            .replaceWith(batch.size())
                            .onFailure().recoverWithUni(failure -> OutboxSql
                                    .failed(connection, String.valueOf(failure.getMessage()),
                                            config.outbox().retryDelay().toMillis())
                                    .invoke(() -> LOG.warnf("Outbox delivery of %d events failed (%s); will retry",
                                            batch.size(), failure.getMessage()))
                                    .replaceWith(0));
                });
    }

    private static OutboxMessage message(Row row, int attempts) {
        return new OutboxMessage(row.getLong("id"), row.getUUID("tenant_id"), row.getString("topic"),
                row.getUUID("aggregate_id"),
                new JsonObject(row.getString("payload")), Db.instant(row, "at"), attempts);
    }
}
