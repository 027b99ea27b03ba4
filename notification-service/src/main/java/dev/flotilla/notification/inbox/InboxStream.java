package dev.flotilla.notification.inbox;

import dev.flotilla.common.db.DatabaseFailures;
import dev.flotilla.common.stream.PacedStream;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One client's stream of its inbox. It knows the last seq it has sent, and each time it is woken
 * it reads the recipient's notifications after that seq from the table, in seq order and in
 * bounded batches, then the head's unread count. It never trusts what woke it: a wake-up only
 * says "look again". As a recipient's notifications commit in seq order (see
 * {@link InboxWriter}), reading after the last seq sent never skips one, and never sends one
 * twice. Its pacing (one step at a time, keep-alives, the end when the token expires) is
 * {@link PacedStream}'s.
 */
final class InboxStream extends PacedStream<InboxStreamEvent> {

    private final InboxStreams streams;
    private final InboxStreams.Recipient recipient;
    private final int batch;

    // Touched only on the context's thread.
    /** The last seq sent (or given by the client); {@link Long#MAX_VALUE} until the first read when none was given. */
    private long lastSent;
    private Integer unreadSent;

    InboxStream(InboxStreams streams, InboxStreams.Recipient recipient, Context context, Long after, Instant closesAt,
            Duration keepAlive, int batch) {
        super(context, closesAt, keepAlive);
        this.streams = streams;
        this.recipient = recipient;
        this.batch = batch;
        this.lastSent = after == null ? Long.MAX_VALUE : after;
    }

    InboxStreams.Recipient recipient() {
        return recipient;
    }

    /**
     * Reads after the last seq sent. A failure before anything was sent fails the request (an
     * unreachable database is a 503 problem); later, an unreachable database is read again after a
     * pause, and any other failure ends the stream for its client to resume.
     */
    @Override
    protected Uni<Batch<InboxStreamEvent>> read() {
        boolean first = !readOnce();
        return onContext(streams.read(recipient, lastSent, batch))
                .map(this::batchOf)
                .onFailure(failure -> !first).recoverWithItem(this::failed);
    }

    @Override
    protected InboxStreamEvent keepAliveEvent() {
        return InboxStreamEvent.keepAlive();
    }

    private Batch<InboxStreamEvent> batchOf(InboxSql.Snapshot snapshot) {
        List<InboxStreamEvent> events = new ArrayList<>(snapshot.items().size() + 1);
        for (InboxItem item : snapshot.items()) {
            events.add(InboxStreamEvent.notification(item));
            lastSent = item.seq();
        }
        boolean more = snapshot.items().size() >= batch;
        if (!more) {
            // Caught up: every notification up to the head's seq was in this read, so the stream
            // stands at the head (also when the client named a seq beyond it).
            lastSent = snapshot.lastSeq();
            if (unreadSent == null || unreadSent != snapshot.unread()) {
                unreadSent = snapshot.unread();
                events.add(InboxStreamEvent.unreadCount(lastSent, unreadSent));
            }
        }
        return sent(events, more);
    }

    private Batch<InboxStreamEvent> failed(Throwable failure) {
        streams.failed(failure);
        return DatabaseFailures.isUnavailable(failure) ? readAgainLater() : end();
    }
}
