package dev.flotilla.health;

import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Targets' failures open incidents and their recovery resolves them, with alerts to notification-service (a real
 * HTTP receiver, {@link IncidentEventReceiver}), and the status page shows where every target stands.
 */
@QuarkusTest
class IncidentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String INCIDENTS = "/api/v1/incidents";

    @Inject
    IncidentEventReceiver receiver;

    @Inject
    Pool pool;

    private final UUID tenant = Ids.next();
    private final TargetServer server = TargetServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private String target(String name, String path, List<String> dependsOn) {
        return Responses.created(Requests.as(tenant, "admin").body(Map.of("name", name, "url", server.url(path),
                "interval", "500ms", "timeout", "400ms", "dependsOn", dependsOn)).post(TargetApiTest.TARGETS).then());
    }

    private List<Map<String, Object>> incidents(String status) {
        return Requests.as(tenant, "viewer").queryParam("status", status).get(INCIDENTS).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private Map<String, Object> incidentOf(String targetId, String status) {
        return incidents(status).stream().filter(i -> targetId.equals(i.get("targetId"))).findFirst().orElse(null);
    }

    private Map<String, Object> awaitIncident(String targetId, String status) {
        return await().atMost(WAIT).until(() -> incidentOf(targetId, status), incident -> incident != null);
    }

    private Map<String, Object> statusOf(String targetId) {
        List<Map<String, Object>> targets = Requests.as(tenant, "viewer").get("/api/v1/status").then().statusCode(200)
                .extract().jsonPath().getList("targets");
        return targets.stream().filter(t -> targetId.equals(t.get("id"))).findFirst().orElse(null);
    }

    private Map<String, Object> awaitState(String targetId, String state) {
        return await().atMost(WAIT).until(() -> statusOf(targetId), s -> s != null && state.equals(s.get("state")));
    }

    private long downResults(String targetId) {
        List<String> statuses = Requests.as(tenant, "viewer").queryParam("limit", 500)
                .get(TargetApiTest.TARGETS + "/" + targetId + "/results").then().statusCode(200).extract().jsonPath()
                .getList("items.status");
        return statuses.stream().filter("DOWN"::equals).count();
    }

    private long waitingAlerts(String incidentId) {
        return pool
                .preparedQuery("select count(*) as n from health.notification_outbox where data::jsonb ->> 'incidentId' = $1")
                .execute(Tuple.of(incidentId)).await().atMost(WAIT).iterator().next().getLong("n");
    }

    @Test
    void aTargetThatGoesDownAndUpAgainOpensAndResolvesOneIncidentWithOneAlertEachWay() {
        String id = target("web", "/health", List.of());
        awaitState(id, "UP");
        server.answer("/health", 503, "overloaded");
        Map<String, Object> open = awaitIncident(id, "open");
        assertEquals("[STATUS] (503) == 200", open.get("reason"));
        assertEquals(false, open.get("inMaintenance"));
        assertEquals(open.get("id"), awaitState(id, "DOWN").get("openIncidentId"));

        server.answer("/health", 200, "ok");
        Map<String, Object> resolved = awaitIncident(id, "resolved");
        assertEquals(open.get("id"), resolved.get("id"));
        assertNull(incidentOf(id, "open"));
        await().atMost(WAIT).until(() -> receiver.about(tenant, "web").size() >= 2);

        List<IncidentEventReceiver.Received> events = receiver.about(tenant, "web");
        assertEquals(List.of("health.incident.opened", "health.incident.resolved"),
                events.stream().map(IncidentEventReceiver.Received::type).toList());
        events.forEach(event -> {
            assertEquals(open.get("id"), event.data().getString("incidentId"));
            assertEquals("health.web", event.body().getJsonArray("recipients").getJsonObject(0).getString("topic"));
        });
        assertFalse(events.get(0).idempotencyKey().equals(events.get(1).idempotencyKey()), "a key per alert");
        assertEquals(1, incidents(null).size(), "exactly one incident");
        given().get("/q/metrics").then().statusCode(200).body(containsString("flotilla_health_incidents_opened_total"));
    }

    @Test
    void fewerFailuresThanTheThresholdOpenNoIncident() {
        String id = target("flaky", "/health", List.of());
        awaitState(id, "UP");
        server.answer("/health", 503, "blip");
        awaitState(id, "DOWN");
        server.answer("/health", 200, "ok");
        Map<String, Object> up = awaitState(id, "UP");
        assertEquals("[STATUS] (503) == 200", up.get("lastFailure"));
        assertTrue(downResults(id) > 0 && downResults(id) < 3, "it failed, fewer times than the threshold");
        assertTrue(incidents(null).isEmpty(), "no incident");
    }

    @Test
    void aTargetDownBecauseOfItsDependencyIsImpactedAndOnlyTheRootOpensAnIncident() {
        String db = target("db", "/db", List.of());
        String app = target("app", "/app", List.of("db"));
        awaitState(app, "UP");
        server.answer("/db", 503, "down");
        Map<String, Object> root = awaitIncident(db, "open");
        server.answer("/app", 503, "no database");
        awaitState(app, "IMPACTED");
        await().atMost(WAIT).until(() -> downResults(app) >= 3);

        assertNull(incidentOf(app, "open"), "the dependent opens no incident");
        Map<String, Object> rootNow = Requests.as(tenant, "viewer").get(INCIDENTS + "/" + root.get("id")).then()
                .statusCode(200).extract().jsonPath().getMap("");
        assertEquals(List.of("app"), rootNow.get("impacted"));
        assertEquals(1, incidents("open").size());
    }

    @Test
    void aManualUpdateAppearsOnTheTimelineAndAResolvedOneResolves() {
        String id = target("api", "/health", List.of());
        server.answer("/health", 500, "broken");
        String incident = (String) awaitIncident(id, "open").get("id");
        String update = Responses.created(Requests.as(tenant, "admin")
                .body(Map.of("status", "identified", "body", "A bad deploy; rolling back"))
                .post(INCIDENTS + "/" + incident + "/updates").then());

        Map<String, Object> read = Requests.as(tenant, "viewer").get(INCIDENTS + "/" + incident).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals("identified", read.get("status"));
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) read.get("updates");
        assertEquals(List.of("opened", "update"), timeline.stream().map(u -> u.get("kind")).toList());
        assertEquals(update, timeline.get(1).get("id"));
        assertEquals("A bad deploy; rolling back", timeline.get(1).get("body"));
        Requests.as(tenant, "viewer").get(INCIDENTS + "/" + incident + "/updates/" + update).then().statusCode(200)
                .body("body", is("A bad deploy; rolling back"));
        Requests.as(tenant, "viewer").get(INCIDENTS + "/" + incident + "/updates/" + Ids.next()).then()
                .spec(Problems.notFound());

        Responses.created(Requests.as(tenant, "admin").body(Map.of("status", "resolved", "body", "Rolled back"))
                .post(INCIDENTS + "/" + incident + "/updates").then());
        assertEquals("resolved", Requests.as(tenant, "viewer").get(INCIDENTS + "/" + incident).then().statusCode(200)
                .extract().path("status"));
        Requests.as(tenant, "admin").body(Map.of("status", "monitoring", "body", "late"))
                .post(INCIDENTS + "/" + incident + "/updates").then().spec(Problems.conflict());
    }

    @Test
    void aMaintenanceWindowKeepsTheIncidentButSendsNoAlert() {
        Responses.created(Requests.as(tenant, "admin").body(Map.of("name", "upgrade", "targets", List.of("batch"),
                "start", Instant.now().minusSeconds(60).toString(), "end", Instant.now().plusSeconds(3600).toString()))
                .post("/api/v1/maintenance-windows").then());
        String id = target("batch", "/health", List.of());
        server.answer("/health", 503, "upgrading");
        Map<String, Object> open = awaitIncident(id, "open");
        assertEquals(true, open.get("inMaintenance"));

        server.answer("/health", 200, "ok");
        awaitIncident(id, "resolved");
        // Alerts are written with the incident's change: none waiting and none received means none was written.
        assertEquals(0, waitingAlerts((String) open.get("id")));
        assertTrue(receiver.about(tenant, "batch").isEmpty(), "no alert: " + receiver.about(tenant, "batch"));
    }

    @Test
    void anIncidentStillOpenAReminderIntervalAfterItsLastAlertIsRemindedOnce() {
        String id = target("queue", "/health", List.of());
        server.answer("/health", 503, "stuck");
        String incident = (String) awaitIncident(id, "open").get("id");
        await().atMost(WAIT).until(() -> receiver.about(tenant, "queue").size() >= 1);
        pool.preparedQuery("update health.incidents set alerted_at = alerted_at - interval '2 hours' where id = $1")
                .execute(Tuple.of(UUID.fromString(incident))).await().atMost(WAIT);

        await().atMost(WAIT).until(() -> receiver.about(tenant, "queue").size() >= 2);

        List<IncidentEventReceiver.Received> events = receiver.about(tenant, "queue");
        assertEquals(List.of("health.incident.opened", "health.incident.reminder"),
                events.stream().map(IncidentEventReceiver.Received::type).toList());
        assertEquals(incident, events.get(1).data().getString("incidentId"));
    }

    @Test
    void aTenantCannotUpdateAnIncidentOfThePlatform() {
        String suiteTarget = TargetApiTest.ownTarget(tenant);
        UUID incident = Ids.next();
        pool.preparedQuery("""
                insert into health.incidents (tenant_id, id, target_id, status, reason, opened_at)
                values ($1, $2, $3, 'investigating', 'a test', now())""")
                .execute(Tuple.of(new UUID(0, 0), incident, UUID.fromString(suiteTarget))).await().atMost(WAIT);
        try {
            Requests.as(tenant, "viewer").get(INCIDENTS + "/" + incident).then().statusCode(200);
            Requests.as(tenant, "admin").body(Map.of("status", "resolved", "body", "not mine to say"))
                    .post(INCIDENTS + "/" + incident + "/updates").then().spec(Problems.conflict());
        } finally {
            pool.preparedQuery("delete from health.incidents where id = $1").execute(Tuple.of(incident)).await()
                    .atMost(WAIT);
        }
    }

    @Test
    void anotherTenantsIncidentIsNotFound() {
        String id = target("private", "/health", List.of());
        server.answer("/health", 503, "down");
        String incident = (String) awaitIncident(id, "open").get("id");
        UUID other = Ids.next();
        Requests.as(other, "admin").get(INCIDENTS + "/" + incident).then().spec(Problems.notFound());
        Requests.as(other, "admin").body(Map.of("status", "identified", "body", "mine?"))
                .post(INCIDENTS + "/" + incident + "/updates").then().spec(Problems.notFound());
        List<Map<String, Object>> theirs = Requests.as(other, "viewer").get(INCIDENTS).then().statusCode(200).extract()
                .jsonPath().getList("items");
        assertTrue(theirs.stream().noneMatch(i -> incident.equals(i.get("id"))));
    }

    @Test
    void theStatusListsEveryTargetWithItsState() {
        String up = target("shop", "/health", List.of());
        String never = Responses.created(Requests.as(tenant, "admin").body(Map.of("name", "paused", "url",
                server.url("/health"), "enabled", false)).post(TargetApiTest.TARGETS).then());
        Map<String, Object> shop = awaitState(up, "UP");
        assertEquals("shop", shop.get("name"));
        assertTrue(shop.get("since") != null && shop.get("lastCheckedAt") != null, "since and last checked: " + shop);
        assertNull(shop.get("openIncidentId"));
        assertEquals("UNKNOWN", statusOf(never).get("state"));

        Map<String, Object> page = Requests.as(tenant, "viewer").get("/api/v1/status").then().statusCode(200).extract()
                .jsonPath().getMap("");
        List<Map<String, Object>> targets = (List<Map<String, Object>>) page.get("targets");
        assertTrue(targets.stream().anyMatch(t -> Boolean.TRUE.equals(t.get("platform"))), "the platform's too");
        assertTrue(List.of("UP", "DEGRADED", "DOWN").contains(page.get("status")));
    }

    @Test
    void aWindowWithoutTimesOrRecurrenceIsRefusedNamingTheFields() {
        Requests.as(tenant, "admin").body(Map.of("name", "nothing", "group", "shop"))
                .post("/api/v1/maintenance-windows").then().spec(Problems.validationFailed())
                .body(containsString("start"));
    }

    @Test
    void aRecurringWindowIsAnsweredAsGiven() {
        String id = Responses.created(Requests.as(tenant, "admin").body(Map.of("name", "nightly", "group", "shop",
                "recurrence", Map.of("every", "weekly", "days", List.of("SUNDAY", "WEDNESDAY"), "at", "02:00",
                        "duration", "90m", "zone", "Europe/Paris")))
                .post("/api/v1/maintenance-windows").then());
        Map<String, Object> recurrence = Requests.as(tenant, "viewer").get("/api/v1/maintenance-windows/" + id).then()
                .statusCode(200).extract().jsonPath().getMap("recurrence");
        assertEquals(List.of("WEDNESDAY", "SUNDAY"), recurrence.get("days"));
        assertEquals("02:00", recurrence.get("at"));
        assertEquals("PT1H30M", recurrence.get("duration"));
        assertEquals("Europe/Paris", recurrence.get("zone"));
        Requests.as(tenant, "admin").delete("/api/v1/maintenance-windows/" + id).then().statusCode(204);
        Requests.as(tenant, "viewer").get("/api/v1/maintenance-windows/" + id).then().spec(Problems.notFound());
    }
}
