package dev.flotilla.health;

import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import io.vertx.mutiny.core.net.NetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Targets are checked on their interval: what a check sees, how it is judged and what is kept of it. */
@QuarkusTest
class CheckTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final UUID tenant = Ids.next();
    private final TargetServer server = TargetServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private String create(Map<String, Object> body) {
        return Responses.created(Requests.as(tenant, "admin").body(body).post(TargetApiTest.TARGETS).then());
    }

    /** The target's results, newest first. */
    private List<Map<String, Object>> results(String id) {
        return Requests.as(tenant, "member").get(TargetApiTest.TARGETS + "/" + id + "/results").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private Map<String, Object> awaitNewest(String id, String status) {
        return await().atMost(WAIT).until(() -> {
            List<Map<String, Object>> results = results(id);
            return results.isEmpty() ? null : results.get(0);
        }, newest -> newest != null && status.equals(newest.get("status")));
    }

    @Test
    void aTargetThatGoesDownAndUpAgainShowsDownWithTheFailingConditionThenUp() {
        String id = create(Map.of("name", "web", "group", "shop", "url", server.url("/health"), "interval", "500ms",
                "timeout", "400ms", "conditions", List.of("[STATUS] == 200")));
        Map<String, Object> up = awaitNewest(id, "UP");
        assertEquals(List.of(), up.get("failing"));
        assertNull(up.get("excerpt"));

        server.answer("/health", 503, "{\"error\":\"overloaded\"}");
        Map<String, Object> down = awaitNewest(id, "DOWN");
        assertEquals(List.of("[STATUS] (503) == 200"), down.get("failing"));
        assertEquals("{\"error\":\"overloaded\"}", down.get("excerpt"));

        server.answer("/health", 200, "ok");
        awaitNewest(id, "UP");
        List<String> statuses = results(id).stream().map(result -> (String) result.get("status")).toList();
        int lastDown = statuses.indexOf("DOWN");
        assertTrue(lastDown > 0 && statuses.subList(lastDown, statuses.size()).contains("UP"),
                "UP, then DOWN, then UP again: " + statuses);
    }

    @Test
    void aTargetThatDoesNotAnswerIsDownWithTheReason() {
        String id = create(Map.of("name", "nothing", "url", "http://127.0.0.1:9/", "interval", "500ms", "timeout", "400ms"));
        Map<String, Object> down = awaitNewest(id, "DOWN");
        assertTrue(String.valueOf(down.get("error")).contains("127.0.0.1:9"), "names where it connected: " + down);
    }

    @Test
    void aQuarkusTargetNamesTheFailingHealthCheck() {
        server.answer("/q/health/ready", 503, """
                {"status":"DOWN","checks":[{"name":"database","status":"DOWN","data":{"error":"refused"}},
                {"name":"search index","status":"UP"}]}""");
        server.answer("/q/health/live", 200, "{\"status\":\"UP\",\"checks\":[]}");
        server.answer("/q/health/started", 200, "{\"status\":\"UP\",\"checks\":[]}");
        String id = create(Map.of("name", "policy", "kind", "quarkus", "url", server.url(""), "interval", "500ms",
                "timeout", "400ms"));
        Map<String, Object> down = awaitNewest(id, "DOWN");
        assertEquals(List.of("[STATUS] (503) == 200", "readiness: database DOWN"), down.get("failing"));

        server.answer("/q/health/ready", 200, "{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}");
        awaitNewest(id, "UP");
    }

    @Test
    void theSuitesOwnServiceIsCheckedThroughItsProbes() {
        Map<String, Object> up = awaitNewest(TargetApiTest.ownTarget(tenant), "UP");
        assertEquals(List.of(), up.get("failing"));
    }

    @Test
    void aTcpTargetIsUpWhileItAcceptsConnections() {
        Vertx vertx = Vertx.vertx();
        try {
            NetServer listener = vertx.createNetServer().connectHandler(socket -> socket.closeAndForget())
                    .listen(0, "127.0.0.1").await().atMost(WAIT);
            String id = create(Map.of("name", "queue", "kind", "tcp", "url", "tcp://127.0.0.1:" + listener.actualPort(),
                    "interval", "500ms", "timeout", "400ms"));
            awaitNewest(id, "UP");
            listener.close().await().atMost(WAIT);
            Map<String, Object> down = awaitNewest(id, "DOWN");
            assertTrue(String.valueOf(down.get("error")).contains("connection"), "says why: " + down);
        } finally {
            vertx.close().await().atMost(WAIT);
        }
    }

    @Test
    void anHttpsTargetWhoseCertificateIsNotTrustedIsDown() {
        Vertx vertx = Vertx.vertx();
        try {
            // A self-signed certificate no trust store holds (src/test/resources/untrusted-target.p12).
            HttpServer https = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                    .setKeyCertOptions(new PfxOptions().setPath("src/test/resources/untrusted-target.p12")
                            .setPassword("untrusted")))
                    .requestHandler(request -> request.response().endAndForget("ok"))
                    .listen(0, "127.0.0.1").await().atMost(WAIT);
            // A handshake takes longer than a plain request: time enough for it to fail on the certificate.
            String id = create(Map.of("name", "self-signed", "url", "https://127.0.0.1:" + https.actualPort() + "/",
                    "interval", "2s", "timeout", "1500ms"));
            Map<String, Object> down = awaitNewest(id, "DOWN");
            assertTrue(String.valueOf(down.get("error")).toLowerCase().contains("certificat"), "says why: " + down);
        } finally {
            vertx.close().await().atMost(WAIT);
        }
    }

    @Test
    void eachTargetsStateIsAGaugeAndChecksAreTimed() {
        String id = create(Map.of("name", "gauged", "group", "metrics", "url", server.url("/"), "interval", "500ms",
                "timeout", "400ms"));
        awaitNewest(id, "UP");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("flotilla_health_target_up{")
                && line.contains("target=\"gauged\"") && line.contains("group=\"metrics\"")
                && line.contains("tenant=\"" + tenant + "\"") && line.endsWith(" 1.0")), metrics);
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("flotilla_health_check_duration_seconds_bucket{")
                && line.contains("kind=\"http\"")), metrics);
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("flotilla_health_check_lag_seconds_count")
                && !line.endsWith(" 0.0")), metrics);
    }
}
