package dev.flotilla.conversation.model;

import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The body of a streamed answer whose first bytes arrived. What arrives before the caller reads
 * is kept here, so the response's handlers are set once and the connection is never paused; the
 * idle timeout runs from piece to piece. Ending the reading early resets the request, which closes
 * the connection to the provider.
 */
final class OpenStream {

    private final HttpClientRequest request;
    private final Vertx vertx;
    private final Duration idleTimeout;
    private final String provider;
    private final Deque<Buffer> pending = new ArrayDeque<>();
    private MultiEmitter<? super Buffer> reader;
    private boolean ended;
    private Throwable failure;
    private boolean told;
    private long timer = -1;

    OpenStream(HttpClientRequest request, Buffer first, Vertx vertx, Duration idleTimeout, String provider) {
        this.request = request;
        this.vertx = vertx;
        this.idleTimeout = idleTimeout;
        this.provider = provider;
        pending.add(first);
        arm();
    }

    synchronized void piece(Buffer piece) {
        if (told || failure != null) {
            return;
        }
        arm();
        if (reader != null) {
            reader.emit(piece);
        } else {
            pending.add(piece);
        }
    }

    synchronized void end() {
        ended = true;
        vertx.cancelTimer(timer);
        if (reader != null && !told) {
            told = true;
            reader.complete();
        }
    }

    synchronized void fail(Throwable cause) {
        if (ended || failure != null) {
            return;
        }
        failure = cause;
        vertx.cancelTimer(timer);
        if (reader != null && !told) {
            told = true;
            reader.fail(cause);
        }
    }

    /** Hands what arrived, and what will, to the caller's reading. */
    synchronized void attach(MultiEmitter<? super Buffer> emitter) {
        reader = emitter;
        emitter.onTermination(this::terminated);
        while (!pending.isEmpty() && !told) {
            emitter.emit(pending.poll());
        }
        if (told) {
            return;
        }
        if (failure != null) {
            told = true;
            emitter.fail(failure);
        } else if (ended) {
            told = true;
            emitter.complete();
        }
    }

    private synchronized void terminated() {
        vertx.cancelTimer(timer);
        if (!told) {
            told = true;
            if (!ended) {
                request.reset();
            }
        }
    }

    private void arm() {
        vertx.cancelTimer(timer);
        timer = vertx.setTimer(idleTimeout.toMillis(), id -> silent());
    }

    private void silent() {
        // Told first: the reset fails the response with a closed connection, which is then ignored.
        fail(new UpstreamFailure.Timeout(provider + " fell silent for " + idleTimeout.toSeconds() + " s"));
        request.reset();
    }
}
