package dev.flotilla.config.watch;

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
 * One client's stream of a namespace's revisions, as one environment sees them (its own layer and the default). It
 * knows the last index it has sent, and each time it is woken it reads the revisions after that index from the
 * table, in bounded batches; a wake-up only says "look again". As a namespace's revisions are numbered without gaps in
 * the order they commit (each change holds the namespace's row lock until it commits), reading after the last index
 * sent never skips a revision and never sends one twice.
 * <p>
 * The steps run one at a time on the Vert.x context of the request, each when the client has taken the previous
 * one's events, so a slow client holds at most one batch in memory. A wake-up during a read marks the stream to read
 * again. A stream quiet for the keep-alive interval sends a comment; when the caller's token expires it ends, and the
 * client reconnects with a fresh token and its {@code Last-Event-ID}.
 */
final class ChangeStream implements Watchers.Watcher {

    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofDays(365);

    private enum Step {
        READ,
        KEEP_ALIVE,
        END
    }

    /** The events of one step, or the end of the stream. */
    private record Batch(List<StreamEvent> events, boolean end) {
    }

    private final WatchService watches;
    private final Watchers.Scope scope;
    private final String env;
    private final Context context;
    private final long keepAliveNanos;
    private final long closesAtNanos;
    private final int batch;

    // Touched only on the context's thread.
    /** The last index sent (or given by the client); {@link Long#MAX_VALUE} until the first read when none was given. */
    private long lastSent;
    private boolean readOnce;
    private boolean dirty = true;
    private long lastWriteNanos;
    private long readNotBeforeNanos;
    private UniEmitter<? super Step> waiting;
    private long timer = -1;

    ChangeStream(WatchService watches, Watchers.Scope scope, String env, Context context, Long after, Instant closesAt,
            Duration keepAlive, int batch) {
        this.watches = watches;
        this.scope = scope;
        this.env = env;
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

    @Override
    public Watchers.Scope scope() {
        return scope;
    }

    Multi<StreamEvent> events() {
        return Multi.createBy().repeating().uni(this::next).until(Batch::end)
                .onItem().transformToIterable(Batch::events);
    }

    @Override
    public void wake(Long index) {
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
        // The first read is made whatever the time: a token about to expire still gets what it missed.
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

    /**
     * Reads after the last index sent. An unreachable database is read again after a pause; any other failure ends the
     * stream for its client to resume.
     */
    private Uni<Batch> read() {
        return watches.revisions(scope, lastSent, env, batch)
                .emitOn(runnable -> context.runOnContext(ignored -> runnable.run()))
                .map(this::batchOf)
                .onFailure().recoverWithItem(this::failed);
    }

    private Batch batchOf(WatchSql.Revisions revisions) {
        readOnce = true;
        if (revisions == null) {
            // The namespace was deleted: nothing more will come.
            return new Batch(List.of(), true);
        }
        List<StreamEvent> events = new ArrayList<>(revisions.events().size());
        for (RevisionEvent revision : revisions.events()) {
            events.add(new StreamEvent(revision));
            lastSent = revision.index();
        }
        if (revisions.events().size() < batch) {
            // Caught up: every revision up to the index read was in this read (also when the client named an index
            // beyond it, as after the namespace was created anew).
            lastSent = revisions.index();
        } else {
            dirty = true;
        }
        if (!events.isEmpty()) {
            lastWriteNanos = System.nanoTime();
        }
        return new Batch(events, false);
    }

    private Batch failed(Throwable failure) {
        readOnce = true;
        watches.streamFailed(failure);
        if (!DatabaseFailures.isUnavailable(failure)) {
            return new Batch(List.of(), true);
        }
        dirty = true;
        readNotBeforeNanos = System.nanoTime() + RETRY_DELAY.toNanos();
        return new Batch(List.of(), false);
    }

    private Batch keepAlive() {
        lastWriteNanos = System.nanoTime();
        return new Batch(List.of(StreamEvent.KEEP_ALIVE), false);
    }
}
