package dev.flotilla.conversation.agent;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server answering as task-service's agent registry ({@code GET /api/v1/agents/{id}}, task-service's
 * {@code AgentView} JSON) for the agents a test puts in, a 404 problem for others, a 500 for the ones a test breaks;
 * it records the Authorization header of every request.
 */
public class AgentRegistryServer implements QuarkusTestResourceLifecycleManager {

    private static final Map<UUID, JsonObject> AGENTS = new ConcurrentHashMap<>();
    private static final List<UUID> BROKEN = new CopyOnWriteArrayList<>();
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();

    private Vertx vertx;
    private HttpServer server;

    /** A request received: the agent asked for and the Authorization header. */
    public record Request(UUID agent, String authorization) {
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            REQUESTS.add(new Request(id, request.getHeader("Authorization")));
            if (BROKEN.contains(id)) {
                request.response().setStatusCode(500).end("broken");
                return;
            }
            JsonObject agent = AGENTS.get(id);
            if (agent == null) {
                request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("status", 404).put("detail", "agent not found").encode());
                return;
            }
            request.response().putHeader("Content-Type", "application/json").end(agent.encode());
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the agent registry could not listen", e);
        }
        return Map.of("quarkus.rest-client.task.url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    /** Registers an agent as task-service would show it. */
    public static void agent(UUID id, String name, String systemPrompt, String model, List<String> tools) {
        AGENTS.put(id, new JsonObject().put("id", id.toString()).put("name", name).put("type", "CHAT")
                .put("capabilities", new JsonArray()).put("tools", new JsonArray(tools)).put("modelPreference", model)
                .put("config", new JsonObject().put("systemPrompt", systemPrompt)).put("memory", new JsonObject())
                .put("lifecycle", "ACTIVE").put("status", "ONLINE").put("createdAt", "2026-12-01T00:00:00Z")
                .put("updatedAt", "2026-12-01T00:00:00Z"));
    }

    static void broken(UUID id) {
        BROKEN.add(id);
    }

    /** The requests received for {@code agent}. */
    static List<Request> requestsFor(UUID agent) {
        return REQUESTS.stream().filter(request -> request.agent().equals(agent)).toList();
    }
}
