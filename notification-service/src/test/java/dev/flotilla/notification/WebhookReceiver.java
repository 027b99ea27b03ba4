package dev.flotilla.notification;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver as an integrator would write one, on a local port: it verifies every request with the Standard
 * Webhooks reference library against the secrets it trusts (refusing one that does not verify with 401), answers as
 * the test tells it, and processes each {@code webhook-id} once: a request repeating an id it already processed
 * successfully is acknowledged without being processed again.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as it arrived, and whether it verified. */
    public record Received(String path, Map<String, List<String>> headers, String body, boolean verified) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String id() {
            return header("webhook-id");
        }

        /** Whether the reference library verifies this request with {@code secret} (timestamp tolerance included). */
        public boolean verifiesWith(String secret) {
            try {
                new Webhook(secret).verify(body, headers);
                return true;
            } catch (WebhookVerificationException | EmptyWebhookSecretException e) {
                return false;
            }
        }

        /**
         * Whether one of the request's signatures is the reference library's signature with {@code secret}, whatever
         * the timestamp (for tests whose clock runs ahead of the reference verifier's, the system's).
         */
        public boolean signedWith(String secret) {
            try {
                String expected = new Webhook(secret).sign(id(), Long.parseLong(header("webhook-timestamp")), body);
                return List.of(header("webhook-signature").split(" ")).contains(expected);
            } catch (Exception e) {
                return false;
            }
        }
    }

    private record Reply(int status, Map<String, String> headers, String body) {
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> processed = new ConcurrentHashMap<>();
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private volatile boolean timestampTolerance = true;
    private volatile Reply reply = new Reply(200, Map.of(), "ok");

    private WebhookReceiver(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** A receiver listening on a free port of 127.0.0.1, on a Vert.x of its own, as another process's would be. */
    public static WebhookReceiver start() {
        Vertx vertx = Vertx.vertx();
        WebhookReceiver[] receiver = new WebhookReceiver[1];
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> receiver[0].handle(request.getDelegate()))
                .listenAndAwait(0, "127.0.0.1");
        receiver[0] = new WebhookReceiver(vertx, server);
        return receiver[0];
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** Requests verify with any of the secrets trusted so far. */
    public void trust(String secret) {
        secrets.add(secret);
    }

    /**
     * Verify signatures without the reference verifier's five-minute tolerance of the timestamp, which it judges by the
     * system clock: for tests whose service clock runs ahead.
     */
    public void ignoreTimestamps() {
        timestampTolerance = false;
    }

    /** Answers every verified request from now on with {@code status}, {@code headers} and {@code body}. */
    public void answer(int status, Map<String, String> headers, String body) {
        reply = new Reply(status, Map.copyOf(headers), body);
    }

    public void answer(int status) {
        answer(status, Map.of(), "");
    }

    /** Leaves every verified request from now on without an answer. */
    public void neverAnswer() {
        reply = null;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests that carried {@code webhook-id} {@code id}. */
    public List<Received> received(String id) {
        return received.stream().filter(request -> id.equals(request.id())).toList();
    }

    /** How many times the receiver processed {@code id}: once, however often it came, if it was acknowledged. */
    public int timesProcessed(String id) {
        return processed.getOrDefault(id, 0);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(buffer -> {
            String body = buffer.toString();
            Map<String, List<String>> headers = headers(request.headers());
            Received arrived = new Received(request.path(), headers, body, false);
            boolean verified = secrets.stream()
                    .anyMatch(secret -> timestampTolerance ? arrived.verifiesWith(secret) : arrived.signedWith(secret));
            received.add(new Received(request.path(), headers, body, verified));
            if (!verified) {
                request.response().setStatusCode(401).end("signature does not verify");
                return;
            }
            String id = arrived.id();
            if (processed.getOrDefault(id, 0) > 0) {
                request.response().setStatusCode(200).end("duplicate " + id + ", already processed");
                return;
            }
            Reply answer = reply;
            if (answer == null) {
                return;
            }
            if (answer.status() >= 200 && answer.status() < 300) {
                processed.merge(id, 1, Integer::sum);
            }
            answer.headers().forEach(request.response()::putHeader);
            request.response().setStatusCode(answer.status()).end(answer.body());
        });
    }

    private static Map<String, List<String>> headers(MultiMap multiMap) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : multiMap) {
            headers.computeIfAbsent(header.getKey().toLowerCase(), name -> new ArrayList<>()).add(header.getValue());
        }
        return headers;
    }

    @Override
    public void close() {
        server.close().await().atMost(Duration.ofSeconds(5));
        vertx.close().await().atMost(Duration.ofSeconds(5));
    }
}
