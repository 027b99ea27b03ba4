package dev.flotilla.notification.inbox;

import dev.flotilla.common.db.DatabaseFailures;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One client's stream of its inbox. It knows the last seq it has sent, and each time it is woken
 * it reads the recipient's notifications after that seq from the table, in seq order and in
 * bounded batches, then the head's unread count. It never trusts what woke it: a wake-up only
 * says "look again". As a recipient's notifications commit in seq order (see
 * {@link InboxWriter}), reading after the last seq sent never skips one, and never sends one
 * twice.
 * <p>
 * The stream's steps run one at a time, on the Vert.x context of its request: a step (a read, a
 * keep-alive comment) starts only when the client has taken the previous one's events, so a slow
 * client holds at most one batch in memory. A wake-up during a read is not lost: it marks the
 * stream to read again. When nothing has been sent for the keep-alive interval the stream sends a
 * comment; when the caller's token expires it ends, and the client reconnects with a fresh token
 * and its last event id.
 */
final class InboxStream {

    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofDays(365);

    private enum Step {
        READ,
        KEEP_ALIVE,
        END
    }

    /** The events of one step, or the end of the stream. */
    private record Batch(List<InboxStreamEvent> events, boolean end) {
    }

    private final InboxStreams streams;
    private final InboxStreams.Recipient recipient;
    private final Context context;
    private final long keepAliveNanos;
    private final long closesAtNanos;
    private final int batch;

    // Touched only on the context's thread.
    /** The last seq sent (or given by the client); {@link Long#MAX_VALUE} until the first read when none was given. */
    private long lastSent;
    private Integer unreadSent;
    private boolean sentAnything;
    private boolean dirty = true;
    private long lastWriteNanos;
    private long readNotBeforeNanos;
    private UniEmitter<? super Step> waiting;
    private long timer = -1;

    InboxStream(InboxStreams streams, InboxStreams.Recipient recipient, Context context, Long after, Instant closesAt,
            Duration keepAlive, int batch) {
        this.streams = streams;
        this.recipient = recipient;
        this.context = context;
        this.keepAliveNanos = keepAlive.toNanos();
        this.batch = batch;
        long now = System.nanoTime();
        Duration open = closesAt == null ? LONGEST : Duration.between(Instant.now(), closesAt);
        this.closesAtNanos = now + (open.compareTo(LONGEST) > 0 ? LONGEST : open).toNanos();
        this.lastSent = after == null ? Long.MAX_VALUE : after;
        this.lastWriteNanos = now;
        this.readNotBeforeNanos = now;
    }

    InboxStreams.Recipient recipient() {
        return recipient;
    }

    Multi<InboxStreamEvent> events() {
        return Multi.createBy().repeating().uni(this::next).until(Batch::end)
                .onItem().transformToIterable(Batch::events);
    }

    /** Something changed in the recipient's inbox: read again. Called from any thread. */
    void wake() {
        context.runOnContext(ignored -> {
            dirty = true;
            if (waiting != null) {
                await(waiting);
            }
        });
    }

    private Uni<Batch> next() {
        return Uni.createFrom().<Step> emitter(emitter -> {
            emitter.onTermination(() -> context.runOnContext(ignored -> stopWaiting(emitter)));
            context.runOnContext(ignored -> await(emitter));
        }).chain(step -> switch (step) {
            case READ -> read();
            case KEEP_ALIVE -> Uni.createFrom().item(keepAlive());
            case END -> Uni.createFrom().item(new Batch(List.of(), true));
        });
    }

    /** Completes {@code emitter} with the step due now, or waits for a wake-up or the time of the next one. */
    private void await(UniEmitter<? super Step> emitter) {
        stopWaiting(waiting);
        long now = System.nanoTime();
        Step due = due(now);
        if (due != null) {
            if (due == Step.READ) {
                dirty = false;
            }
            emitter.complete(due);
            return;
        }
        long at = Math.min(lastWriteNanos + keepAliveNanos - now, closesAtNanos - now);
        if (dirty) {
            at = Math.min(at, readNotBeforeNanos - now);
        }
        waiting = emitter;
        timer = context.owner().setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(at) + 1), id -> {
            timer = -1;
            if (waiting == emitter) {
                await(emitter);
            }
        });
    }

    private Step due(long now) {
        // The first read is made whatever the time: a token about to expire still gets its answer.
        if (dirty && !sentAnything) {
            return Step.READ;
        }
        if (now - closesAtNanos >= 0) {
            return Step.END;
        }
        if (dirty && now - readNotBeforeNanos >= 0) {
            return Step.READ;
        }
        if (now - (lastWriteNanos + keepAliveNanos) >= 0) {
            return Step.KEEP_ALIVE;
        }
        return null;
    }

    private void stopWaiting(UniEmitter<? super Step> emitter) {
        if (emitter != null && waiting == emitter) {
            waiting = null;
        }
        if (waiting == null && timer != -1) {
            context.owner().cancelTimer(timer);
            timer = -1;
        }
    }

    /**
     * Reads after the last seq sent. A failure before anything was sent fails the request (an
     * unreachable database is a 503 problem); later, an unreachable database is read again after a
     * pause, and any other failure ends the stream for its client to resume.
     */
    private Uni<Batch> read() {
        boolean first = !sentAnything;
        return streams.read(recipient, lastSent, batch)
                .emitOn(runnable -> context.runOnContext(ignored -> runnable.run()))
                .map(this::batchOf)
                .onFailure(failure -> !first).recoverWithItem(this::failed);
    }

    private Batch batchOf(InboxSql.Snapshot snapshot) {
        List<InboxStreamEvent> events = new ArrayList<>(snapshot.items().size() + 1);
        for (InboxItem item : snapshot.items()) {
            events.add(InboxStreamEvent.notification(item));
            lastSent = item.seq();
        }
        if (snapshot.items().size() < batch) {
            // Caught up: every notification up to the head's seq was in this read, so the stream
            // stands at the head (also when the client named a seq beyond it).
            lastSent = snapshot.lastSeq();
            if (unreadSent == null || unreadSent != snapshot.unread()) {
                unreadSent = snapshot.unread();
                events.add(InboxStreamEvent.unreadCount(lastSent, unreadSent));
            }
        } else {
            dirty = true;
        }
        if (!events.isEmpty()) {
            sentAnything = true;
            lastWriteNanos = System.nanoTime();
        }
        return new Batch(events, false);
    }

    private Batch failed(Throwable failure) {
        streams.failed(failure);
        if (!DatabaseFailures.isUnavailable(failure)) {
            return new Batch(List.of(), true);
        }
        dirty = true;
        readNotBeforeNanos = System.nanoTime() + RETRY_DELAY.toNanos();
        return new Batch(List.of(), false);
    }

    private Batch keepAlive() {
        lastWriteNanos = System.nanoTime();
        return new Batch(List.of(InboxStreamEvent.keepAlive()), false);
    }
}
