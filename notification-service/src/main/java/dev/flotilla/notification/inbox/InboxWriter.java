package dev.flotilla.notification.inbox;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.notify.Announcer;
import dev.flotilla.notification.event.Event;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes an event into its recipients' inboxes, inside the transaction that publishes the event
 * (so the notification exists exactly when the event does), in one statement however many the
 * recipients.
 * <p>
 * For each recipient the head row is upserted first, taking the next {@code seq}, and stays locked
 * until the event's transaction ends; only then is the notification written with that seq. A
 * second event for the same recipient waits for that lock, so it takes a greater seq and commits
 * later: a recipient's notifications commit in seq order. That is what makes a stream resuming
 * after seq n complete: no notification with a smaller seq can commit after it has read those
 * greater than n. Heads are locked in recipient order, so events with overlapping recipients wait
 * for each other rather than deadlock; call this once per event with all of its inbox recipients.
 * Every replica's streams of the recipients are woken by an announcement once the event's
 * transaction has committed: sent after commit, not in the transaction, because publishing is the
 * hot path and a transaction that notifies commits alone (see {@link Announcer}).
 */
@ApplicationScoped
public class InboxWriter {

    private final Db db;
    private final Announcer announcer;

    public InboxWriter(Db db, Announcer announcer) {
        this.db = db;
        this.announcer = announcer;
    }

    /**
     * Delivers {@code event} to the inboxes of {@code recipients} (token subjects of the event's
     * tenant; repeats count once) on {@code tx}, a transaction of {@link Db#tx}; answers the
     * recipients written, sorted.
     */
    public Uni<List<String>> deliver(SqlConnection tx, Event event, List<String> recipients) {
        List<String> distinct = List.copyOf(new TreeSet<>(recipients));
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            ids.add(Ids.next());
        }
        return InboxSql.deliver(tx, event, distinct, ids).map(written -> {
            List<String> sorted = written.stream().sorted().toList();
            db.afterCommit(tx, () -> sorted.forEach(recipient -> announcer.announce(InboxSql.CHANNEL,
                    new JsonObject().put("tenant", event.tenant().toString()).put("recipient", recipient).encode())));
            return sorted;
        });
    }
}
