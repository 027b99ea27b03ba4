package dev.flotilla.conversation.retrieval;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server answering as search-service's search ({@code POST /api/v1/collections/{c}/search} in passage
 * mode, search-service's {@code SearchResponse} JSON) with the passages a test puts into a collection, a 404 problem
 * for other collections and a 503 for the ones a test breaks; it records every request.
 */
public class SearchServer implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, List<JsonObject>> COLLECTIONS = new ConcurrentHashMap<>();
    private static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();

    private Vertx vertx;
    private HttpServer server;

    /** A request received: the collection searched, the Authorization header and the JSON body. */
    public record Request(String collection, String authorization, JsonObject body) {
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String[] path = request.path().split("/");
            String collection = path[path.length - 2];
            REQUESTS.add(new Request(collection, request.getHeader("Authorization"), body.toJsonObject()));
            if (BROKEN.contains(collection)) {
                request.response().setStatusCode(503).end("unavailable");
                return;
            }
            List<JsonObject> hits = COLLECTIONS.get(collection);
            if (hits == null) {
                request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("status", 404).put("detail", "collection not found").encode());
                return;
            }
            int limit = body.toJsonObject().getInteger("limit", 10);
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("hits", new JsonArray(hits.stream().limit(limit).toList()))
                    .put("total", hits.size()).put("totalExact", true).put("tookMs", 1).encode());
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the search server could not listen", e);
        }
        return Map.of("quarkus.rest-client.search.url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Puts a passage hit into a collection; hits are answered in the order put, as search-service ranks them. */
    public static void passage(String collection, String document, String title, double score, int index, int start,
            String text) {
        COLLECTIONS.computeIfAbsent(collection, ignored -> new CopyOnWriteArrayList<>()).add(new JsonObject()
                .put("id", document).put("score", score).put("title", title).put("snippet", text)
                .put("metadata", new JsonObject())
                .put("passage", new JsonObject().put("index", index).put("start", start)
                        .put("end", start + text.length()).put("text", text)));
    }

    /** A collection that exists and holds no passages. */
    public static void emptyCollection(String collection) {
        COLLECTIONS.putIfAbsent(collection, new CopyOnWriteArrayList<>());
    }

    /** Searches of this collection answer 503 from now on. */
    public static void breakCollection(String collection) {
        BROKEN.add(collection);
    }

    public static List<Request> requestsFor(String collection) {
        return REQUESTS.stream().filter(request -> request.collection().equals(collection)).toList();
    }
}
