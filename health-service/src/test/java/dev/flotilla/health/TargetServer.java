package dev.flotilla.health;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service to be checked, on a free port of 127.0.0.1 and a Vert.x of its own, as another process's would be: each
 * path answers what the test sets (200 {@code ok} by default), and it counts the requests it got.
 */
public final class TargetServer implements AutoCloseable {

    private record Reply(int status, String body) {
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private TargetServer() {
        this.vertx = Vertx.vertx();
        this.server = vertx.createHttpServer().requestHandler(request -> {
            requests.incrementAndGet();
            Reply reply = replies.getOrDefault(request.path(), new Reply(200, "ok"));
            request.response().setStatusCode(reply.status()).putHeader("content-type", "application/json")
                    .endAndForget(reply.body());
        });
    }

    public static TargetServer start() {
        TargetServer target = new TargetServer();
        target.server.listen(0, "127.0.0.1").await().atMost(WAIT);
        return target;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** From now on, {@code path} answers {@code status} with {@code body}. */
    public void answer(String path, int status, String body) {
        replies.put(path, new Reply(status, body));
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.close().await().atMost(WAIT);
        vertx.close().await().atMost(WAIT);
    }
}
