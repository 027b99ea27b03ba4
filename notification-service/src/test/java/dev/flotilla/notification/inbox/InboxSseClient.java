package dev.flotilla.notification.inbox;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Server-Sent Events client over a real HTTP connection (the JDK's client, reading the body line
 * by line as it arrives), parsing {@code id:}, {@code event:}, {@code data:} and comment lines as an
 * EventSource does.
 */
final class InboxSseClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** One dispatched message: an event (id, name, data) or a comment. */
    record Message(String id, String event, String data, String comment) {

        JsonObject json() {
            return new JsonObject(data);
        }

        long seq() {
            return Long.parseLong(id);
        }
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final CountDownLatch ended = new CountDownLatch(1);

    private InboxSseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "inbox-sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code uri} with {@code token}, sending {@code lastEventId} as {@code Last-Event-ID} unless null. */
    static InboxSseClient open(URI uri, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(WAIT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode(), "the stream's status");
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                    "the stream's content type");
            return new InboxSseClient(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message, comments included. */
    Message next() {
        return next(WAIT.toNanos());
    }

    /** The next event, skipping comments; keep-alive comments do not extend the wait. */
    Message nextEvent() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (;;) {
            Message message = next(deadline - System.nanoTime());
            if (message.comment() == null) {
                return message;
            }
        }
    }

    private Message next(long nanos) {
        try {
            Message message = messages.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
            assertNotNull(message, "no event on the stream within " + WAIT);
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event, which must be named {@code name}. */
    Message nextEvent(String name) {
        Message message = nextEvent();
        assertEquals(name, message.event(), "the next event, " + message);
        return message;
    }

    /** The ids of every notification up to and including the one with id {@code last}, in the order received. */
    List<Long> notificationsUpTo(long last) {
        List<Long> seqs = new ArrayList<>();
        for (;;) {
            Message message = nextEvent();
            if (InboxStreamEvent.NOTIFICATION.equals(message.event())) {
                seqs.add(message.seq());
                if (message.seq() >= last) {
                    return seqs;
                }
            }
        }
    }

    /** Waits for the server to end the stream. */
    void awaitEnd() {
        try {
            assertTrue(ended.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "the stream did not end within " + WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }

    private void read() {
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                accept(it.next());
            }
        } catch (RuntimeException e) {
            // the stream was closed
        } finally {
            ended.countDown();
        }
    }

    // The fields of the event being read, until the blank line that dispatches it.
    private String id;
    private String event;
    private StringBuilder data;

    private void dispatch() {
        if (data != null || event != null || id != null) {
            messages.add(new Message(id, event, data == null ? null : data.toString(), null));
        }
        id = null;
        event = null;
        data = null;
    }

    private void accept(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "" -> messages.add(new Message(null, null, null, value));
            case "id" -> id = value;
            case "event" -> event = value;
            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> {
                // other fields (retry) do not matter here
            }
        }
    }
}
