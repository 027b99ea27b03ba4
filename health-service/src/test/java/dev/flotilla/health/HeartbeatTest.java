package dev.flotilla.health;

import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Push targets: the jobs they watch send heartbeats with the target's token, and a missing one is a failure. */
@QuarkusTest
class HeartbeatTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final UUID tenant = Ids.next();

    /** A push target with {@code interval}: its id and heartbeat token. */
    private Map<String, String> push(String name, String interval) {
        ExtractableResponse<Response> created = Requests.as(tenant, "admin")
                .body(Map.of("name", name, "kind", "push", "interval", interval)).post(TargetApiTest.TARGETS).then()
                .statusCode(201).extract();
        return Map.of("id", created.path("id"), "token", created.path("heartbeatToken"), "createdAt",
                created.path("createdAt"));
    }

    private static String heartbeatPath(String id) {
        return TargetApiTest.TARGETS + "/" + id + "/heartbeat";
    }

    private static void beat(String id, String token) {
        given().header("Authorization", "Bearer " + token).post(heartbeatPath(id)).then().statusCode(202);
    }

    /** Changes the target, which is checked at once. */
    private void checkNow(String id) {
        Requests.as(tenant, "admin").body(Map.of("group", "jobs")).patch(TargetApiTest.TARGETS + "/" + id).then()
                .statusCode(200);
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
    void aPushTargetsTokenIsAnsweredOnceWhenItIsCreated() {
        Requests.as(tenant, "admin").body(Map.of("name", "nightly-backup", "kind", "push", "interval", "1h"))
                .post(TargetApiTest.TARGETS).then()
                .statusCode(201)
                .body("kind", is("push"))
                .body("url", nullValue())
                .body("method", nullValue())
                .body("conditions", is(List.of()))
                .body("heartbeatToken", startsWith("fhb_"));
        String id = Requests.as(tenant, "viewer").get(TargetApiTest.TARGETS).then().statusCode(200).extract()
                .path("items.find { it.name == 'nightly-backup' }.id");
        Requests.as(tenant, "admin").get(TargetApiTest.TARGETS + "/" + id).then()
                .statusCode(200)
                .body("$", not(hasKey("heartbeatToken")));
        Requests.as(tenant, "admin").get(TargetApiTest.TARGETS).then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }", not(hasKey("heartbeatToken")));
    }

    @Test
    void aPushTargetRefusesWhatWouldShapeAProbeNamingEachField() {
        Requests.as(tenant, "admin").body(Map.of("name", "cron", "kind", "push", "url", "http://127.0.0.1:9/", "method",
                "POST", "conditions", List.of("[STATUS] == 200"))).post(TargetApiTest.TARGETS).then()
                .spec(Problems.validationFailed())
                .body("errors.field", is(List.of("url", "method", "conditions")));
    }

    @Test
    void aTargetCannotBeChangedToOrFromPush() {
        String id = push("agent", "1m").get("id");
        Requests.as(tenant, "admin").body(Map.of("kind", "http", "url", "http://127.0.0.1:9/")).patch(
                TargetApiTest.TARGETS + "/" + id).then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("kind"));
    }

    @Test
    void heartbeatsWithinTheIntervalKeepItUp() {
        Map<String, String> target = push("sync-job", "2s");
        Instant pastFirstWindow = Instant.parse(target.get("createdAt")).plusSeconds(3);
        List<Map<String, Object>> results = await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            beat(target.get("id"), target.get("token"));
            return results(target.get("id"));
        }, found -> found.stream().filter(r -> Instant.parse((String) r.get("at")).isAfter(pastFirstWindow)).count() >= 2);
        results.forEach(result -> assertEquals("UP", result.get("status"), "result " + result));
    }

    @Test
    void withoutAHeartbeatWithinTheIntervalTheNextResultIsDownNamingTheLastOne() {
        Map<String, String> target = push("report-job", "1s");
        beat(target.get("id"), target.get("token"));
        Map<String, Object> down = awaitNewest(target.get("id"), "DOWN");
        List<?> failing = (List<?>) down.get("failing");
        assertEquals(1, failing.size(), "failing " + failing);
        assertTrue(((String) failing.get(0)).startsWith("no heartbeat since 20"), "failing " + failing);
        Instant last = Instant.parse(((String) failing.get(0)).substring("no heartbeat since ".length()));
        assertTrue(last.isAfter(Instant.parse(target.get("createdAt"))), "the heartbeat after the creation: " + last);
    }

    @Test
    void aPushTargetNeverHeardFromIsDownOnceItsFirstIntervalHasPassed() {
        String id = push("silent-job", "1s").get("id");
        Map<String, Object> down = awaitNewest(id, "DOWN");
        assertEquals(List.of("no heartbeat ever"), down.get("failing"));
    }

    @Test
    void aWrongOrMissingTokenIsUnauthorizedAndRecordsNothing() {
        Map<String, String> target = push("guarded-job", "1s");
        String path = heartbeatPath(target.get("id"));
        given().header("Authorization", "Bearer fhb_not-the-token").post(path).then()
                .spec(Problems.unauthorized())
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().queryParam("token", "fhb_not-the-token").get(path).then().spec(Problems.unauthorized());
        given().post(path).then().spec(Problems.unauthorized());
        Map<String, Object> down = awaitNewest(target.get("id"), "DOWN");
        assertEquals(List.of("no heartbeat ever"), down.get("failing"));
    }

    @Test
    void anUnknownTargetIsUnauthorizedAsAWrongTokenIs() {
        given().header("Authorization", "Bearer fhb_anything").post(heartbeatPath(Ids.next().toString())).then()
                .spec(Problems.unauthorized());
    }

    @Test
    void anotherTenantCannotSeeOrRotateIt() {
        String id = push("private-job", "1m").get("id");
        UUID other = Ids.next();
        Requests.as(other, "admin").get(TargetApiTest.TARGETS + "/" + id).then().spec(Problems.notFound());
        Requests.as(other, "admin").post(TargetApiTest.TARGETS + "/" + id + "/rotate-heartbeat-token").then()
                .spec(Problems.notFound());
    }

    @Test
    void aReportedDownIsAFailureWithItsMessage() {
        Map<String, String> target = push("backup-job", "1m");
        given().header("Authorization", "Bearer " + target.get("token")).contentType(ContentType.JSON)
                .body(Map.of("status", "down", "message", "backup failed: disk full")).post(heartbeatPath(target.get("id")))
                .then().statusCode(202);
        checkNow(target.get("id"));
        Map<String, Object> down = awaitNewest(target.get("id"), "DOWN");
        assertEquals(List.of("reported down: backup failed: disk full"), down.get("failing"));
    }

    @Test
    void aReportSentAsCurlDashDSendsItIsReadAsJson() {
        Map<String, String> target = push("plain-curl-job", "1m");
        given().header("Authorization", "Bearer " + target.get("token"))
                .contentType("application/x-www-form-urlencoded")
                .body("{\"status\":\"down\",\"message\":\"rsync exit 23\"}").post(heartbeatPath(target.get("id")))
                .then().statusCode(202);
        checkNow(target.get("id"));
        Map<String, Object> down = awaitNewest(target.get("id"), "DOWN");
        assertEquals(List.of("reported down: rsync exit 23"), down.get("failing"));
    }

    @Test
    void aCronLineMayReportWithAGetCarryingTheTokenInTheQuery() {
        Map<String, String> target = push("curl-job", "1m");
        given().queryParam("token", target.get("token")).queryParam("status", "down").queryParam("message", "exit 3")
                .get(heartbeatPath(target.get("id"))).then().statusCode(202);
        checkNow(target.get("id"));
        Map<String, Object> down = awaitNewest(target.get("id"), "DOWN");
        assertEquals(List.of("reported down: exit 3"), down.get("failing"));
    }

    @Test
    void aReportThatIsNeitherUpNorDownIsRefused() {
        Map<String, String> target = push("odd-job", "1m");
        given().header("Authorization", "Bearer " + target.get("token")).contentType(ContentType.JSON)
                .body(Map.of("status", "sideways")).post(heartbeatPath(target.get("id"))).then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("status"));
    }

    @Test
    void rotatingTheTokenEndsTheOldOne() {
        Map<String, String> target = push("rotated-job", "1m");
        String rotated = Requests.as(tenant, "admin")
                .post(TargetApiTest.TARGETS + "/" + target.get("id") + "/rotate-heartbeat-token").then()
                .statusCode(200)
                .body("heartbeatToken", startsWith("fhb_"))
                .extract().path("heartbeatToken");
        given().header("Authorization", "Bearer " + target.get("token")).post(heartbeatPath(target.get("id"))).then()
                .spec(Problems.unauthorized());
        beat(target.get("id"), rotated);
    }

    @Test
    void onlyAPushTargetHasATokenToRotate() {
        String id = Requests.as(tenant, "admin").body(Map.of("name", "web", "url", "http://127.0.0.1:9/health"))
                .post(TargetApiTest.TARGETS).then().statusCode(201).extract().path("id");
        Requests.as(tenant, "admin").post(TargetApiTest.TARGETS + "/" + id + "/rotate-heartbeat-token").then()
                .spec(Problems.conflict());
    }
}
