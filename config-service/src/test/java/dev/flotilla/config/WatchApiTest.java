package dev.flotilla.config;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Blocking queries on a namespace's resolved view, in Consul's style: {@code index}, {@code wait}, {@code changed}. */
@QuarkusTest
class WatchApiTest {

    /** A held query that is never answered fails its test instead of hanging it. */
    private static final RestAssuredConfig GIVE_UP = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 60_000));

    private final ConfigApi api = new ConfigApi();
    private String ns;

    @BeforeEach
    void namespaceWithAnEntry() {
        ns = api.namespace();
        api.put(ns, "greeting", null, ConfigApi.body("string", "hello")).statusCode(201);
    }

    private String resolved(String query) {
        return "/api/v1/namespaces/" + ns + "/resolved?" + query;
    }

    private ExtractableResponse<Response> watch(String query) {
        return api.member().config(GIVE_UP).get(resolved(query)).then().extract();
    }

    /** Blocking queries held and streams open on this replica. */
    static long watches() {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("flotilla_config_watches "))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1))).sum();
    }

    @Test
    void aBlockingQueryWithAStaleIndexAnswersAtOnce() {
        api.put(ns, "greeting", null, ConfigApi.body("string", "hi")).statusCode(200);
        ExtractableResponse<Response> answer = watch("index=1&wait=10m");
        assertEquals(200, answer.statusCode());
        assertEquals("2", answer.header("X-Flotilla-Index"));
        assertEquals("hi", answer.path("entries.greeting.value"));
    }

    @Test
    void aBlockingQueryIsHeldUntilAChangeAndAnswersTheChangedView() throws Exception {
        CompletableFuture<ExtractableResponse<Response>> held = CompletableFuture.supplyAsync(() -> watch("index=1&wait=5m"));
        await().atMost(Duration.ofSeconds(30)).until(() -> watches() > 0);
        assertFalse(held.isDone(), "held while the namespace is at the index the caller holds");
        api.put(ns, "greeting", null, ConfigApi.body("string", "changed")).statusCode(200);
        ExtractableResponse<Response> answer = held.get(60, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        assertEquals("2", answer.header("X-Flotilla-Index"));
        assertEquals("changed", answer.path("entries.greeting.value"));
    }

    @Test
    void aBlockingQueryAnswersTheSameIndexWhenItsWaitEndsWithoutAChange() {
        ExtractableResponse<Response> answer = watch("index=1&wait=500ms");
        assertEquals(200, answer.statusCode());
        assertEquals("1", answer.header("X-Flotilla-Index"));
        assertEquals("hello", answer.path("entries.greeting.value"));
    }

    @Test
    void changedListsOnlyTheKeysChangedAfterTheIndexAndThoseRemoved() {
        api.put(ns, "kept", null, ConfigApi.body("number", 1)).statusCode(201);
        api.put(ns, "dropped", null, ConfigApi.body("boolean", true)).statusCode(201);
        long seen = api.index(ns);
        api.put(ns, "greeting", "prod", ConfigApi.body("string", "hello prod")).statusCode(201);
        api.admin().header("If-Match", api.etag(ns, "dropped", null)).delete(ConfigApi.entry(ns, "dropped")).then()
                .statusCode(204);
        api.put(ns, "added", null, ConfigApi.body("string", "new")).statusCode(201);
        api.put(ns, "elsewhere", "staging", ConfigApi.body("string", "not in prod")).statusCode(201);

        ExtractableResponse<Response> answer = watch("env=prod&changed=true&index=" + seen);
        assertEquals(200, answer.statusCode());
        assertEquals(String.valueOf(seen + 4), answer.header("X-Flotilla-Index"));
        Map<String, Object> entries = answer.path("entries");
        assertEquals(List.of("added", "greeting"), entries.keySet().stream().sorted().toList());
        assertEquals("hello prod", answer.path("entries.greeting.value"));
        assertEquals(List.of("dropped"), answer.path("removed"));
    }

    @Test
    void anotherTenantsNamespaceIsNotFoundToBlockingQueriesAndStreams() {
        UUID other = UUID.randomUUID();
        Requests.as(other, "member").get(resolved("index=0&wait=1s")).then().spec(Problems.notFound());
        Requests.as(other, "member").config(GIVE_UP).header("Accept", "text/event-stream")
                .get("/api/v1/namespaces/" + ns + "/events")
                .then().spec(Problems.notFound());
    }

    @Test
    void aMalformedWaitIsABadRequestNamingIt() {
        for (String wait : List.of("soon", "-5s", "5", "1x", "s")) {
            api.member().get(resolved("index=1&wait=" + wait)).then().spec(Problems.validationFailed())
                    .body("errors[0].field", equalTo("wait"));
        }
    }

    @Test
    void aMalformedIndexIsABadRequestNamingIt() {
        for (String index : List.of("-1", "one", "1.5")) {
            api.member().get(resolved("index=" + index)).then().spec(Problems.validationFailed())
                    .body("errors[0].field", equalTo("index"));
        }
        api.member().get(resolved("changed=maybe")).then().spec(Problems.validationFailed())
                .body("errors[0].field", equalTo("changed"));
    }

    @Test
    void changedIsRefusedForTheFormatsThatCannotListRemovedKeys() {
        api.member().get(resolved("format=properties&changed=true&index=0")).then().spec(Problems.validationFailed())
                .body("errors[0].field", equalTo("changed"));
    }

    @Test
    void aMalformedLastEventIdIsABadRequestNamingIt() {
        api.member().config(GIVE_UP).header("Accept", "text/event-stream").header("Last-Event-ID", "yesterday")
                .get("/api/v1/namespaces/" + ns + "/events").then().spec(Problems.validationFailed())
                .body("errors[0].field", equalTo("Last-Event-ID"));
    }
}
