package dev.flotilla.notification.inbox;

import dev.flotilla.common.id.Ids;
import dev.flotilla.notification.event.Event;
import io.smallrye.mutiny.Uni;
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
 * Every replica's streams of the recipients are woken by a notification on commit.
 */
@ApplicationScoped
public class InboxWriter {

    /**
     * Delivers {@code event} to the inboxes of {@code recipients} (token subjects of the event's
     * tenant; repeats count once) on {@code tx}; answers the recipients written, sorted.
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
        return InboxSql.deliver(tx, event, distinct, ids).map(written -> written.stream().sorted().toList());
    }
}
