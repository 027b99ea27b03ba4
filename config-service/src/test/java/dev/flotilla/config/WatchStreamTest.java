package dev.flotilla.config;

import dev.flotilla.config.ofrep.SseLines;
import dev.flotilla.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A namespace's changes as Server-Sent Events, live and resumed with {@code Last-Event-ID}. */
@QuarkusTest
class WatchStreamTest {

    private final ConfigApi api = new ConfigApi();
    private String ns;

    @BeforeEach
    void namespaceWithAnEntry() {
        ns = api.namespace();
        api.put(ns, "first", null, ConfigApi.body("string", "one")).statusCode(201);
    }

    private SseLines open(String lastEventId) {
        SseLines stream = SseLines.open("/api/v1/namespaces/" + ns + "/events?env=prod", lastEventId,
                Map.of("Authorization", "Bearer " + TestTokens.user("max", api.tenant, "member")));
        assertEquals(200, stream.status());
        return stream;
    }

    /** One event: its id, name and data. */
    private record Event(String id, String name, JsonObject data) {
    }

    /** The next event, passing over keep-alive comments; null when none came in time. */
    private static Event next(SseLines stream) throws InterruptedException {
        String id = null;
        String name = null;
        String data = null;
        for (String line = stream.next(); line != null; line = stream.next()) {
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data = line.substring(5).strip();
            } else if (line.isEmpty() && data != null) {
                return new Event(id, name, new JsonObject(data));
            }
        }
        return null;
    }

    /** Waits for a keep-alive comment: the stream has read where it stands. */
    private static void caughtUp(SseLines stream) throws InterruptedException {
        for (String line = stream.next(); line != null; line = stream.next()) {
            if (line.startsWith(":")) {
                return;
            }
        }
        throw new AssertionError("no keep-alive comment came");
    }

    private static List<String> ids(SseLines stream, int count) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Event event = next(stream);
            assertNotNull(event, "event " + (i + 1) + " of " + count + " came");
            ids.add(event.id());
        }
        return ids;
    }

    @Test
    void eachRevisionTouchingTheEnvironmentOrTheDefaultIsSentLiveWithoutValues() throws Exception {
        try (SseLines stream = open(null)) {
            caughtUp(stream);
            api.put(ns, "password", "prod", ConfigApi.body("string", "s3cr3t-value")).statusCode(201);
            Event event = next(stream);
            assertNotNull(event);
            assertEquals("2", event.id());
            assertEquals("change", event.name());
            assertEquals(2, event.data().getLong("index"));
            assertEquals("create", event.data().getString("kind"));
            assertEquals("ada", event.data().getString("author"));
            assertNotNull(event.data().getString("at"));
            assertEquals(new JsonObject().put("key", "password").put("env", "prod").put("action", "create"),
                    event.data().getJsonArray("keys").getJsonObject(0));
            assertFalse(event.data().encode().contains("s3cr3t-value"), "no value is streamed");
        }
    }

    @Test
    void aStreamResumedFromLastEventIdSendsWhatCameAfterItOnceAndInOrder() throws Exception {
        try (SseLines stream = open(null)) {
            caughtUp(stream);
            api.put(ns, "second", null, ConfigApi.body("string", "two")).statusCode(201); // 2
            api.put(ns, "third", "prod", ConfigApi.body("string", "three")).statusCode(201); // 3
            assertEquals(List.of("2", "3"), ids(stream, 2));
        }
        api.put(ns, "fourth", "staging", ConfigApi.body("string", "not prod's")).statusCode(201); // 4
        api.put(ns, "fifth", null, ConfigApi.body("string", "five")).statusCode(201); // 5
        api.put(ns, "sixth", "prod", ConfigApi.body("string", "six")).statusCode(201); // 6
        try (SseLines resumed = open("3")) {
            assertEquals(List.of("5", "6"), ids(resumed, 2));
            api.put(ns, "seventh", "prod", ConfigApi.body("string", "seven")).statusCode(201); // 7
            assertEquals(List.of("7"), ids(resumed, 1));
            caughtUp(resumed);
            api.put(ns, "eighth", "staging", ConfigApi.body("string", "not prod's")).statusCode(201); // 8
            api.put(ns, "ninth", "prod", ConfigApi.body("string", "nine")).statusCode(201); // 9
            assertEquals(List.of("9"), ids(resumed, 1));
        }
    }
}
