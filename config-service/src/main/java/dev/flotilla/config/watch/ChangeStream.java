package dev.flotilla.config.watch;

import dev.flotilla.common.db.DatabaseFailures;
import dev.flotilla.common.stream.PacedStream;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One client's stream of a namespace's revisions, as one environment sees them (its own layer and the default). It
 * knows the last index it has sent, and each time it is woken it reads the revisions after that index from the
 * table, in bounded batches; a wake-up only says "look again". As a namespace's revisions are numbered without gaps in
 * the order they commit (each change holds the namespace's row lock until it commits), reading after the last index
 * sent never skips a revision and never sends one twice. Its pacing (one step at a time, keep-alives, the end when
 * the token expires) is {@link PacedStream}'s.
 */
final class ChangeStream extends PacedStream<StreamEvent> implements Watchers.Watcher {

    private final WatchService watches;
    private final Watchers.Scope scope;
    private final String env;
    private final int batch;

    // Touched only on the context's thread.
    /** The last index sent (or given by the client); {@link Long#MAX_VALUE} until the first read when none was given. */
    private long lastSent;

    ChangeStream(WatchService watches, Watchers.Scope scope, String env, Context context, Long after, Instant closesAt,
            Duration keepAlive, int batch) {
        super(context, closesAt, keepAlive);
        this.watches = watches;
        this.scope = scope;
        this.env = env;
        this.batch = batch;
        this.lastSent = after == null ? Long.MAX_VALUE : after;
    }

    @Override
    public Watchers.Scope scope() {
        return scope;
    }

    @Override
    public void wake(Long index) {
        wake();
    }

    /**
     * Reads after the last index sent. An unreachable database is read again after a pause; any other failure ends the
     * stream for its client to resume.
     */
    @Override
    protected Uni<Batch<StreamEvent>> read() {
        return onContext(watches.revisions(scope, lastSent, env, batch))
                .map(this::batchOf)
                .onFailure().recoverWithItem(this::failed);
    }

    @Override
    protected StreamEvent keepAliveEvent() {
        return StreamEvent.KEEP_ALIVE;
    }

    private Batch<StreamEvent> batchOf(WatchSql.Revisions revisions) {
        if (revisions == null) {
            // The namespace was deleted: nothing more will come.
            return end();
        }
        List<StreamEvent> events = new ArrayList<>(revisions.events().size());
        for (RevisionEvent revision : revisions.events()) {
            events.add(new StreamEvent(revision));
            lastSent = revision.index();
        }
        boolean more = revisions.events().size() >= batch;
        if (!more) {
            // Caught up: every revision up to the index read was in this read (also when the client named an index
            // beyond it, as after the namespace was created anew).
            lastSent = revisions.index();
        }
        return sent(events, more);
    }

    private Batch<StreamEvent> failed(Throwable failure) {
        watches.streamFailed(failure);
        return DatabaseFailures.isUnavailable(failure) ? readAgainLater() : end();
    }
}
