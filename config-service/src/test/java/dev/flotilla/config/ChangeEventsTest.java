package dev.flotilla.config;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each change is published as a {@code config.changed} event to notification-service, from an outbox written with
 * the change, to a real HTTP receiver ({@link ChangeEventReceiver}) with the service client's token.
 */
@QuarkusTest
class ChangeEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ChangeEventReceiver receiver;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    Pool pool;

    private final ConfigApi api = new ConfigApi();

    @BeforeEach
    @AfterEach
    void notificationServiceIsUp() {
        receiver.available();
        breakers.resetAll();
    }

    private List<ChangeEventReceiver.Received> accepted(String ns) {
        return receiver.about(ns).stream().filter(r -> r.status() == 201).toList();
    }

    private long waiting(String ns) {
        return pool.preparedQuery("select count(*) as n from config.notification_outbox where tenant_id = $1 and topic = $2")
                .execute(Tuple.of(api.tenant, "config." + ns)).await().atMost(WAIT).iterator().next().getLong("n");
    }

    @Test
    void aChangeIsPublishedToTheNamespacesTopicWithoutItsValue() {
        String ns = api.namespace();
        Map<String, Object> secret = ConfigApi.body("string", "s3cr3t-value");
        secret.put("secret", true);
        api.put(ns, "password", "prod", secret).statusCode(201);
        await("the change published").atMost(WAIT).until(() -> !accepted(ns).isEmpty());

        List<ChangeEventReceiver.Received> published = receiver.about(ns);
        assertEquals(1, published.size(), "published once: " + published);
        ChangeEventReceiver.Received event = published.get(0);
        assertEquals("config.changed", event.body().getString("type"));
        assertEquals(new JsonArray().add(new JsonObject().put("topic", "config." + ns)),
                event.body().getJsonArray("recipients"));
        JsonObject data = event.data();
        assertEquals(api.tenant.toString(), data.getString("tenant"));
        assertEquals(new JsonArray().add("prod"), data.getJsonArray("envs"));
        assertEquals(1, data.getLong("index"));
        assertEquals("create", data.getString("kind"));
        assertEquals(new JsonArray().add(new JsonObject().put("key", "password").put("env", "prod").put("action", "create")),
                data.getJsonArray("keys"));
        assertEquals("ada", data.getString("author"));
        assertFalse(event.body().encode().contains("s3cr3t-value"), "no value is published");
        assertEquals(event.idempotencyKey(), UUID.fromString(event.idempotencyKey()).toString(), "the outbox row's id");
        assertTrue(event.authorization().startsWith("Bearer "), "published with the service client's token");
        await("the outbox emptied").atMost(WAIT).until(() -> waiting(ns) == 0);
    }

    @Test
    void aChangeWaitsWhileNotificationServiceIsDownAndIsPublishedWhenItIsBack() {
        String ns = api.namespace();
        receiver.unavailableFor(body -> body.getJsonObject("data") != null
                && ns.equals(body.getJsonObject("data").getString("namespace")));
        api.put(ns, "greeting", null, ConfigApi.body("string", "hello")).statusCode(201);
        await("an attempt refused").atMost(WAIT).until(() -> receiver.about(ns).stream().anyMatch(r -> r.status() == 503));
        assertEquals(1, waiting(ns), "the event is kept");
        assertTrue(accepted(ns).isEmpty());

        receiver.available();
        await("the event published later").atMost(WAIT).until(() -> !accepted(ns).isEmpty());
        await("the outbox emptied").atMost(WAIT).until(() -> waiting(ns) == 0);
        assertEquals(1, accepted(ns).size(), "published once");
        assertEquals(1, receiver.about(ns).stream().map(ChangeEventReceiver.Received::idempotencyKey).distinct().count(),
                "every attempt under one key");
    }
}
