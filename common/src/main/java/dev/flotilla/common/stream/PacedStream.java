package dev.flotilla.common.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pacing of one client's Server-Sent Events stream that reads what is new from the database each time it is
 * woken (an inbox, a namespace's revisions): a wake-up only says "look again", and what to send is whatever the
 * subclass's {@link #read} finds after the last thing it sent.
 * <p>
 * The stream's steps run one at a time, on the Vert.x context of its request: a step (a read, a keep-alive) starts
 * only when the client has taken the previous one's events, so a slow client holds at most one batch in memory. A
 * wake-up during a read is not lost: it marks the stream to read again. When nothing has been sent for the keep-alive
 * interval the stream sends the subclass's keep-alive event; when the caller's token expires it ends, and the client
 * reconnects with a fresh token and its last event id. The first read is made whatever the time, so a token about to
 * expire still gets what it missed.
 */
public abstract class PacedStream<E> {

    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofDays(365);

    private enum Step {
        READ,
        KEEP_ALIVE,
        END
    }

    /** The events of one step, or the end of the stream. */
    public record Batch<E>(List<E> events, boolean end) {
    }

    private final Context context;
    private final long keepAliveNanos;
    private final long closesAtNanos;

    // Touched only on the context's thread.
    private boolean readOnce;
    private boolean dirty = true;
    private long lastWriteNanos;
    private long readNotBeforeNanos;
    private UniEmitter<? super Step> waiting;
    private long timer = -1;

    /**
     * A stream on {@code context} that ends at {@code closesAt} (null: never) and keeps quiet for {@code keepAlive} at most.
     */
    protected PacedStream(Context context, Instant closesAt, Duration keepAlive) {
        this.context = context;
        this.keepAliveNanos = keepAlive.toNanos();
        long now = System.nanoTime();
        Duration open = closesAt == null ? LONGEST : Duration.between(Instant.now(), closesAt);
        this.closesAtNanos = now + (open.compareTo(LONGEST) > 0 ? LONGEST : open).toNanos();
        this.lastWriteNanos = now;
        this.readNotBeforeNanos = now;
    }

    /** What is new after the last event sent, read from the database; runs on the context's thread. */
    protected abstract Uni<Batch<E>> read();

    /** The event a quiet stream sends so that proxies keep it open. */
    protected abstract E keepAliveEvent();

    public final Multi<E> events() {
        return Multi.createBy().repeating().uni(this::next).until(Batch::end)
                .onItem().transformToIterable(Batch::events);
    }

    /** Something changed: read again. Called from any thread. */
    public final void wake() {
        context.runOnContext(ignored -> {
            dirty = true;
            if (waiting != null) {
                await(waiting);
            }
        });
    }

    /** Whether a read has been made yet. */
    protected final boolean readOnce() {
        return readOnce;
    }

    /** {@code uni}, its item and failure delivered on the stream's context, where the stream's state may be touched. */
    protected final <T> Uni<T> onContext(Uni<T> uni) {
        return uni.emitOn(runnable -> context.runOnContext(ignored -> runnable.run()));
    }

    /** A read's events; {@code more}: it stopped at its bound, so read again at once. */
    protected final Batch<E> sent(List<E> events, boolean more) {
        if (more) {
            dirty = true;
        }
        if (!events.isEmpty()) {
            lastWriteNanos = System.nanoTime();
        }
        return new Batch<>(events, false);
    }

    /** Nothing read this time (the database was unreachable): read again after a pause. */
    protected final Batch<E> readAgainLater() {
        dirty = true;
        readNotBeforeNanos = System.nanoTime() + RETRY_DELAY.toNanos();
        return new Batch<>(List.of(), false);
    }

    /** The end of the stream. */
    protected final Batch<E> end() {
        return new Batch<>(List.of(), true);
    }

    private Uni<Batch<E>> next() {
        return Uni.createFrom().<Step> emitter(emitter -> {
            emitter.onTermination(() -> context.runOnContext(ignored -> stopWaiting(emitter)));
            context.runOnContext(ignored -> await(emitter));
        }).chain(step -> switch (step) {
            case READ -> read().invoke(() -> readOnce = true);
            case KEEP_ALIVE -> Uni.createFrom().item(keepAlive());
            case END -> Uni.createFrom().item(end());
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
        if (dirty && !readOnce) {
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

    private Batch<E> keepAlive() {
        lastWriteNanos = System.nanoTime();
        return new Batch<>(List.of(keepAliveEvent()), false);
    }
}
