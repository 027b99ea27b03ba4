package dev.flotilla.conversation.chat;

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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local HTTP server answering as policy-service's decisions ({@code POST /api/v1/decisions}, policy-service's
 * decision JSON): allow by a rule of the policy {@code default}, except for the resources a test denies (by the rule
 * {@code no-chat} of the policy {@code chat-rules}); all 503 while a test has it down. It records every question.
 */
public class PolicyServer implements QuarkusTestResourceLifecycleManager {

    private static final Set<String> DENIED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean DOWN = new AtomicBoolean();
    private static final List<JsonObject> QUESTIONS = new CopyOnWriteArrayList<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (DOWN.get()) {
                request.response().setStatusCode(503).end("down");
                return;
            }
            JsonObject question = body.toJsonObject();
            QUESTIONS.add(question);
            String resource = question.getJsonObject("resource").getString("id");
            boolean denied = resource != null && DENIED.contains(resource);
            JsonObject rule = new JsonObject().put("policyId", "0190a000-0000-7000-8000-000000000001")
                    .put("policy", denied ? "chat-rules" : "default").put("version", 1)
                    .put("rule", denied ? "no-chat" : "members-own-resources").put("effect", denied ? "deny" : "allow");
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("decision", denied ? "DENY" : "ALLOW").put("matchedRules", new JsonArray().add(rule))
                    .put("reasons", new JsonArray().add((denied ? "denied by rule 'no-chat' of policy 'chat-rules' v1"
                            : "allowed by rule 'members-own-resources' of policy 'default' v1")))
                    .encode());
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the policy server could not listen", e);
        }
        return Map.of("quarkus.rest-client.policy.url", "http://127.0.0.1:" + server.actualPort(),
                "flotilla.policy-client.cache-ttl", "0s");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Questions about this resource id are denied from now on. */
    public static void deny(String resourceId) {
        DENIED.add(resourceId);
    }

    /** Every question answers 503 while {@code down}. */
    public static void down(boolean down) {
        DOWN.set(down);
    }

    public static List<JsonObject> questionsAbout(String resourceId) {
        return QUESTIONS.stream().filter(q -> resourceId.equals(q.getJsonObject("resource").getString("id"))).toList();
    }
}
