package dev.flotilla.config.watch;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

/**
 * Writes a stream's events to a client's event sink, one after the other as the client takes them. Streams go to a
 * sink, rather than being answered as a {@code Multi}, because a {@code Multi} answer sends its headers at once: a
 * namespace found missing afterwards could no longer be a 404 problem.
 */
final class EventSinks {

    private static final Logger LOG = Logger.getLogger(EventSinks.class);

    private EventSinks() {
    }

    /** Sends every event of {@code events} to {@code sink} until either ends; a client gone away ends the stream. */
    static void relay(Multi<OutboundSseEvent> events, SseEventSink sink) {
        events.onItem().transformToUniAndConcatenate(event -> sink.isClosed()
                ? Uni.createFrom().failure(new IllegalStateException("the client went away"))
                : Uni.createFrom().completionStage(sink.send(event)))
                .subscribe().with(sent -> {
                }, failure -> {
                    LOG.debugf("An event stream ended: %s", failure.getMessage());
                    sink.close();
                }, sink::close);
    }
}
