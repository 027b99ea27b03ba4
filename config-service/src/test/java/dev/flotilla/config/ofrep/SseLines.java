package dev.flotilla.config.ofrep;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The lines of a Server-Sent Events stream as they arrive, over a real HTTP/1.1 connection of the JDK's client. */
public final class SseLines implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private SseLines(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (UncheckedIOException closed) {
                // the test closed the stream
            }
        }, "sse-lines");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code pathAndQuery} of the service under test, with {@code lastEventId} unless null. */
    static SseLines open(String pathAndQuery, String lastEventId) {
        return open(pathAndQuery, lastEventId, Map.of());
    }

    /** {@link #open(String, String)} with further request headers ({@code Authorization}). */
    public static SseLines open(String pathAndQuery, String lastEventId, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + pathAndQuery))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseLines(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    /** The next line, or null when none came within ten seconds. */
    public String next() throws InterruptedException {
        return lines.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        response.body().close();
    }
}
