package dev.flotilla.health;

import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A published status page, read without a token: its HTML, its Statuspage JSON, its feed and its badges. */
@QuarkusTest
class PublicPageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final UUID tenant = Ids.next();
    private final String slug = "page-" + tenant.toString().substring(24);
    private final TargetServer server = TargetServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** A target, once it has been checked. */
    private String target(String name, String group) {
        String id = Responses.created(Requests.as(tenant, "admin").body(Map.of("name", name, "group", group, "url",
                server.url("/" + name), "interval", "500ms", "timeout", "400ms")).post(TargetApiTest.TARGETS).then());
        awaitChecked(tenant, id);
        return id;
    }

    static void awaitChecked(UUID tenant, String id) {
        await().atMost(WAIT).until(() -> !Requests.as(tenant, "viewer").get(TargetApiTest.TARGETS + "/" + id + "/results")
                .then().statusCode(200).extract().jsonPath().getList("items").isEmpty());
    }

    private void publish(Map<String, Object> settings) {
        Requests.as(tenant, "admin").body(settings).put(StatusPageApiTest.SETTINGS).then().statusCode(200);
    }

    private JsonPath summary() {
        return given().get("/status/" + slug + "/api/v2/summary.json").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*").extract().jsonPath();
    }

    private void awaitComponent(String name, String status) {
        await().atMost(WAIT).until(() -> status.equals(summary()
                .getString("components.find { it.name == '" + name + "' }.status")));
    }

    @Test
    void theSummaryFollowsItsComponentsAsStatuspageWouldSayIt() {
        target("checkout", "web");
        publish(Map.of("slug", slug, "title", "Shop", "enabled", true));
        awaitComponent("checkout", "operational");
        assertEquals("none", summary().getString("status.indicator"));
        assertEquals("Shop", summary().getString("page.name"));

        server.answer("/checkout", 503, "down");
        awaitComponent("checkout", "major_outage");
        assertEquals("critical", summary().getString("status.indicator"));
        given().get("/status/" + slug + "/api/v2/status.json").then().statusCode(200)
                .body("status.description", is("Major System Outage"));
        given().get("/status/" + slug + "/api/v2/components.json").then().statusCode(200)
                .body("components.name", hasItem("checkout"));
        given().get("/status/" + slug + "/api/v2/incidents/unresolved.json").then().statusCode(200)
                .body("page.id", is(slug));
    }

    @Test
    void onlyTheGroupsNamedAreShown() {
        target("shown", "web");
        target("hidden", "internal");
        publish(Map.of("slug", slug, "title", "Shop", "enabled", true, "groups", List.of("web")));
        awaitComponent("shown", "operational");
        given().get("/status/" + slug + "/api/v2/components.json").then()
                .body("components.name", not(hasItem("hidden")));
    }

    @Test
    void thePageIsHtmlWithEachComponentsStateAndNinetyDaysOfBars() {
        target("search", "web");
        publish(Map.of("slug", slug, "title", "Shop", "enabled", true));
        awaitComponent("search", "operational");
        given().get("/status/" + slug).then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("All Systems Operational"))
                .body(containsString("data-name=\"search\""))
                .body(containsString("Operational"))
                .body(containsString("aria-label=\"uptime of the last 90 days\""));
    }

    @Test
    void aBadgeSaysTheComponentsStatusAndUptime() {
        target("api", "web");
        publish(Map.of("slug", slug, "title", "Shop", "enabled", true));
        awaitComponent("api", "operational");
        given().get("/status/" + slug + "/badges/api/status.svg").then()
                .statusCode(200)
                .contentType(containsString("image/svg+xml"))
                .body(containsString("status: up"));
        given().get("/status/" + slug + "/badges/api/uptime.svg").then().statusCode(200)
                .body(containsString("uptime: 100.00%"));
        given().get("/status/" + slug + "/badges/nothing/status.svg").then().spec(Problems.notFound());
        given().get("/status/" + slug + "/badges/api/colour.svg").then().spec(Problems.notFound());
    }

    @Test
    void theIncidentFeedIsWellFormedAtom() throws Exception {
        publish(Map.of("slug", slug, "title", "Shop", "enabled", true));
        byte[] feed = given().get("/status/" + slug + "/history.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed));
        assertEquals("http://www.w3.org/2005/Atom", document.getDocumentElement().getNamespaceURI());
        assertEquals("Shop incidents", document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0)
                .getTextContent());
        assertEquals("urn:flotilla:status-page:" + slug, new String(document.getElementsByTagNameNS(
                "http://www.w3.org/2005/Atom", "id").item(0).getTextContent().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8));
    }

    @Test
    void anOpenIncidentIsListedUnresolvedOnThePageAndInTheFeed() {
        target("orders", "web");
        publish(Map.of("slug", slug, "title", "Shop", "enabled", true));
        server.answer("/orders", 500, "broken");
        await().atMost(WAIT).until(() -> given().get("/status/" + slug + "/api/v2/incidents/unresolved.json").then()
                .extract().jsonPath().getList("incidents").size() == 1);
        given().get("/status/" + slug + "/api/v2/incidents/unresolved.json").then()
                .body("incidents[0].name", is("orders is down"))
                .body("incidents[0].status", is("investigating"))
                .body("incidents[0].components[0].name", is("orders"))
                .body("incidents[0].incident_updates", not(empty()));
        given().get("/status/" + slug).then().body(containsString("orders is down"));
        given().get("/status/" + slug + "/history.atom").then().body(containsString("<title>orders is down</title>"));
    }

    @Test
    void aComponentInAMaintenanceWindowIsUnderMaintenanceAndTheWindowIsListed() {
        target("billing", "web");
        target("later", "web");
        Requests.as(tenant, "admin").body(Map.of("name", "upgrade", "targets", List.of("billing"),
                "start", Instant.now().minusSeconds(60).toString(), "end", Instant.now().plusSeconds(3600).toString()))
                .post("/api/v1/maintenance-windows").then().statusCode(201);
        Requests.as(tenant, "admin").body(Map.of("name", "next week", "targets", List.of("later"),
                "start", Instant.now().plus(Duration.ofDays(7)).toString(),
                "end", Instant.now().plus(Duration.ofDays(7)).plusSeconds(600).toString()))
                .post("/api/v1/maintenance-windows").then().statusCode(201);
        publish(Map.of("slug", slug, "title", "Shop", "enabled", true));
        JsonPath summary = summary();
        assertEquals("under_maintenance", summary.getString("components.find { it.name == 'billing' }.status"));
        assertEquals("operational", summary.getString("components.find { it.name == 'later' }.status"));
        given().get("/status/" + slug + "/api/v2/scheduled-maintenances.json").then()
                .statusCode(200)
                .body("scheduled_maintenances.find { it.name == 'upgrade' }.status", is("in_progress"))
                .body("scheduled_maintenances.find { it.name == 'upgrade' }.components[0].name", is("billing"))
                .body("scheduled_maintenances.find { it.name == 'next week' }.status", is("scheduled"));
    }

    @Test
    void theLiveStreamSaysWhatThePageSaysOfATargetNotCheckedYet() throws Exception {
        // A server that takes connections and never answers: the target's first check lasts its timeout.
        try (ServerSocket silent = new ServerSocket(0)) {
            Responses.created(Requests.as(tenant, "admin").body(Map.of("name", "slow", "group", "new", "url",
                    "http://127.0.0.1:" + silent.getLocalPort() + "/", "interval", "1m", "timeout", "30s"))
                    .post(TargetApiTest.TARGETS).then());
            publish(Map.of("slug", slug, "title", "New", "enabled", true, "groups", List.of("new")));
            given().get("/status/" + slug).then().statusCode(200).body(containsString("Not checked yet"));
            assertLiveStateOfTheFirstComponent("Not checked yet", "state-unknown");
        }
    }

    private void assertLiveStateOfTheFirstComponent(String state, String stateClass) throws Exception {

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/status/" + slug
                + "/events")).header("Accept", "text/event-stream").build();
        String first;
        try (Stream<String> lines = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            first = lines.filter(line -> line.startsWith("data:")).findFirst().orElseThrow();
        }

        JsonPath live = new JsonPath(first.substring("data:".length()));
        assertEquals(state, live.getString("components[0].state"));
        assertEquals(stateClass, live.getString("components[0].stateClass"));
    }

    @Test
    void anAddressNoPageIsPublishedAtIsNotFound() {
        given().get("/status/nobody-here").then().spec(Problems.notFound());
        given().get("/status/nobody-here/api/v2/summary.json").then().spec(Problems.notFound());
        given().get("/status/nobody-here/events").then().spec(Problems.notFound());
    }
}
