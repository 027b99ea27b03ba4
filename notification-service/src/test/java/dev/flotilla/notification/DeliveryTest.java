package dev.flotilla.notification;

import dev.flotilla.common.db.Db;
import dev.flotilla.notification.delivery.Deliveries;
import dev.flotilla.notification.delivery.DeliveryView;
import dev.flotilla.notification.event.Event;
import dev.flotilla.notification.event.EventSql;
import dev.flotilla.notification.publish.EndpointDisabledNotice;
import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.flotilla.notification.WebhookApi.ENDPOINTS;
import static dev.flotilla.notification.WebhookApi.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook deliveries to a real receiver that verifies every request with the Standard Webhooks reference library:
 * signatures and rotation, what each kind of answer leads to, replays, test events, the delivery log and its tenancy.
 */
@QuarkusTest
class DeliveryTest {

    @Inject
    Db db;

    @Inject
    Pool pool;

    @Inject
    Deliveries deliveries;

    @Inject
    DeliveryTestClock clock;

    @Inject
    AuthPeer auth;

    private final WebhookApi api = new WebhookApi();
    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
        clock.reset();
    }

    private WebhookApi.Created endpoint(String path, String... patterns) {
        WebhookApi.Created endpoint = api.create(receiver.url(path), patterns);
        receiver.trust(endpoint.secret());
        return endpoint;
    }

    private Event publish(String type) {
        return api.publish(db, deliveries, clock, type, new JsonObject().put("taskId", "t-1").put("note", "naïve ✓"));
    }

    /** The endpoint's delivery of the event once its last attempt is recorded. */
    private JsonPath attempted(UUID endpoint, Event event, int attempts) {
        JsonPath[] delivery = new JsonPath[1];
        await().atMost(WAIT).until(() -> {
            delivery[0] = api.delivery(endpoint, event.id());
            return delivery[0] != null && delivery[0].getInt("attempts") >= attempts
                    && delivery[0].get("attemptLog[" + (attempts - 1) + "].durationMs") != null;
        });
        return delivery[0];
    }

    private JsonPath ended(UUID endpoint, Event event) {
        JsonPath[] delivery = new JsonPath[1];
        await().atMost(WAIT).until(() -> {
            delivery[0] = api.delivery(endpoint, event.id());
            return delivery[0] != null && !"PENDING".equals(delivery[0].getString("status"));
        });
        return delivery[0];
    }

    @Test
    void aDeliveryIsSignedSoThatTheReferenceLibraryVerifiesIt() {
        WebhookApi.Created endpoint = endpoint("/hooks");
        Event event = publish("task.failed");
        JsonPath delivery = ended(endpoint.id(), event);
        assertEquals("SUCCEEDED", delivery.getString("status"));
        assertEquals(200, delivery.getInt("lastResponseStatus"));
        assertEquals("ok", delivery.getString("lastResponseExcerpt"));

        WebhookReceiver.Received request = receiver.received(event.id().toString()).get(0);
        assertTrue(request.verified());
        assertTrue(request.verifiesWith(endpoint.secret()));
        assertEquals("/hooks", request.path());
        assertEquals("application/json", request.header("content-type"));
        assertEquals("Flotilla-Webhooks/1", request.header("user-agent"));
        long timestamp = Long.parseLong(request.header("webhook-timestamp"));
        assertTrue(Math.abs(timestamp - Instant.now().getEpochSecond()) < 60, request.header("webhook-timestamp"));
        JsonObject body = new JsonObject(request.body());
        assertEquals("task.failed", body.getString("type"));
        assertEquals(event.createdAt(), Instant.parse(body.getString("timestamp")));
        assertEquals(event.data(), body.getJsonObject("data"));
        assertEquals(1, receiver.timesProcessed(event.id().toString()));
    }

    @Test
    void duringASecretRotationEitherSecretVerifiesAndAfterItOnlyTheNewOne() {
        WebhookApi.Created endpoint = endpoint("/rotating");
        String path = ENDPOINTS + "/" + endpoint.id() + "/rotate-secret";
        String second = api.admin().post(path).then().statusCode(200).extract().path("secret");
        receiver.trust(second);
        Event during = publish("task.failed");
        assertEquals("SUCCEEDED", ended(endpoint.id(), during).getString("status"));
        WebhookReceiver.Received both = receiver.received(during.id().toString()).get(0);
        assertEquals(2, both.header("webhook-signature").split(" ").length, both.header("webhook-signature"));
        assertTrue(both.verifiesWith(endpoint.secret()), "the old secret");
        assertTrue(both.verifiesWith(second), "the new secret");

        String third = api.admin().body(Map.of("overlap", "PT0S")).post(path).then().statusCode(200).extract().path("secret");
        receiver.trust(third);
        Event after = publish("task.failed");
        assertEquals("SUCCEEDED", ended(endpoint.id(), after).getString("status"));
        WebhookReceiver.Received one = receiver.received(after.id().toString()).get(0);
        assertEquals(1, one.header("webhook-signature").split(" ").length);
        assertTrue(one.verifiesWith(third));
        assertFalse(one.verifiesWith(second));
        assertFalse(one.verifiesWith(endpoint.secret()));
    }

    @Test
    void onlyEnabledEndpointsWhoseEventTypesSelectTheEventReceiveIt() {
        WebhookApi.Created tasks = endpoint("/tasks", "task.*");
        WebhookApi.Created workflows = endpoint("/workflows", "workflow.completed");
        WebhookApi.Created disabled = endpoint("/disabled", "*");
        api.admin().post(ENDPOINTS + "/" + disabled.id() + "/disable").then().statusCode(200);
        Event event = new Event(UUID.randomUUID(), api.tenant, "task.run.failed", null, new JsonObject(), false,
                new JsonArray(),
                "publisher", clock.instant());
        int fannedOut = db.tx(tx -> EventSql.insert(tx, event, null, null).chain(() -> deliveries.fanOutToWebhooks(tx, event)))
                .await().atMost(WAIT);
        assertEquals(1, fannedOut);
        assertEquals("SUCCEEDED", ended(tasks.id(), event).getString("status"));
        assertNull(api.delivery(workflows.id(), event.id()));
        assertNull(api.delivery(disabled.id(), event.id()));
        assertTrue(receiver.received().stream().noneMatch(request -> !request.path().equals("/tasks")));
    }

    @Test
    void anotherTenantsEndpointsAreNeverSentItsEvents() {
        WebhookApi.Created endpoint = endpoint("/mine", "*");
        WebhookApi other = new WebhookApi();
        Event event = other.publish(db, deliveries, clock, "task.failed", new JsonObject());
        assertEquals(List.of(), deliveries.ofEvent(other.tenant, event.id()).await().atMost(WAIT));
        assertNull(api.delivery(endpoint.id(), event.id()));
    }

    @Test
    void aGoneAnswerDisablesTheEndpointFailsTheDeliveryAndSkipsThePendingOnes() {
        WebhookApi.Created endpoint = endpoint("/gone");
        receiver.answer(500);
        Event earlier = publish("task.failed");
        assertEquals("PENDING", attempted(endpoint.id(), earlier, 1).getString("status"));
        receiver.answer(410);
        Event gone = publish("task.failed");
        JsonPath delivery = ended(endpoint.id(), gone);
        assertEquals("FAILED", delivery.getString("status"));
        assertEquals(410, delivery.getInt("lastResponseStatus"));
        JsonPath disabled = api.endpoint(endpoint.id());
        assertFalse(disabled.getBoolean("enabled"));
        assertEquals("the endpoint answered 410 Gone", disabled.getString("disabledReason"));
        JsonPath skipped = api.delivery(endpoint.id(), earlier.id());
        assertEquals("SKIPPED", skipped.getString("status"));
        assertTrue(skipped.getString("lastError").startsWith("endpoint disabled"), skipped.getString("lastError"));
        List<Map<String, Object>> told = api.ownersInbox(EndpointDisabledNotice.TYPE);
        assertEquals(1, told.size());
        assertEquals(Map.of("endpointId", endpoint.id().toString(), "url", receiver.url("/gone"), "reason",
                "the endpoint answered 410 Gone", "disabledAt", disabled.getString("updatedAt")), told.get(0).get("data"));
        Event later = publish("task.failed");
        assertNull(api.delivery(endpoint.id(), later.id()));
    }

    @Test
    void aRetryAfterOfA429DelaysTheNextAttemptByIt() {
        WebhookApi.Created endpoint = endpoint("/busy");
        receiver.answer(429, Map.of("Retry-After", "120"), "slow down");
        Event event = publish("task.failed");
        JsonPath delivery = attempted(endpoint.id(), event, 1);
        assertEquals("PENDING", delivery.getString("status"));
        assertEquals(429, delivery.getInt("lastResponseStatus"));
        Instant finished = Instant.parse(delivery.getString("attemptLog[0].startedAt"))
                .plusMillis(delivery.getInt("attemptLog[0].durationMs"));
        Instant next = Instant.parse(delivery.getString("nextAttemptAt"));
        Duration waited = Duration.between(finished, next);
        assertTrue(waited.compareTo(Duration.ofSeconds(120)) >= 0 && waited.compareTo(Duration.ofSeconds(122)) < 0,
                waited.toString());

        receiver.answer(200);
        clock.set(next);
        JsonPath retried = ended(endpoint.id(), event);
        assertEquals("SUCCEEDED", retried.getString("status"));
        assertEquals(2, retried.getInt("attempts"));
        assertFalse(Instant.parse(retried.getString("attemptLog[1].startedAt")).isBefore(next));
    }

    @Test
    void aRedirectIsAFailedAttemptAndIsNotFollowed() {
        WebhookApi.Created endpoint = endpoint("/old");
        receiver.answer(302, Map.of("Location", receiver.url("/moved")), "");
        Event event = publish("task.failed");
        JsonPath delivery = attempted(endpoint.id(), event, 1);
        assertEquals("PENDING", delivery.getString("status"));
        assertEquals(302, delivery.getInt("attemptLog[0].responseStatus"));
        assertTrue(delivery.getString("lastError").contains("redirects are not followed"), delivery.getString("lastError"));
        assertTrue(receiver.received().stream().noneMatch(request -> request.path().equals("/moved")));
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeFailsTheAttempt() {
        WebhookApi.Created endpoint = endpoint("/silent");
        receiver.neverAnswer();
        Event event = publish("task.failed");
        JsonPath delivery = attempted(endpoint.id(), event, 1);
        assertEquals("PENDING", delivery.getString("status"));
        assertNull(delivery.get("attemptLog[0].responseStatus"));
        assertEquals("no answer within 3000 ms", delivery.getString("attemptLog[0].error"));
        assertTrue(delivery.getInt("attemptLog[0].durationMs") >= 3000, delivery.getString("attemptLog[0].durationMs"));
        assertEquals(1, receiver.received(event.id().toString()).size());
    }

    @Test
    void aServerErrorIsRetriedWithItsExcerptKept() {
        WebhookApi.Created endpoint = endpoint("/broken");
        receiver.answer(500, Map.of(), "x".repeat(5000));
        Event event = publish("task.failed");
        JsonPath delivery = attempted(endpoint.id(), event, 1);
        assertEquals("PENDING", delivery.getString("status"));
        assertEquals(500, delivery.getInt("attemptLog[0].responseStatus"));
        assertEquals(1024, delivery.getString("attemptLog[0].responseExcerpt").length());
        assertEquals("the endpoint answered 500", delivery.getString("attemptLog[0].error"));
        assertNotNull(api.endpoint(endpoint.id()).getString("failingSince"));
    }

    @Test
    void anAddressIsJudgedAgainAtEveryAttempt() {
        WebhookApi.Created endpoint = endpoint("/moved-away");
        // What a DNS change after the endpoint's creation amounts to: the host now leads somewhere refused.
        pool.preparedQuery("update notification.webhook_endpoints set url = 'http://10.0.0.1:8080/hook' where id = $1")
                .execute(Tuple.of(endpoint.id())).await().atMost(WAIT);
        Event event = publish("task.failed");
        JsonPath delivery = attempted(endpoint.id(), event, 1);
        assertEquals("PENDING", delivery.getString("status"));
        assertNull(delivery.get("attemptLog[0].responseStatus"));
        assertTrue(delivery.getString("lastError").startsWith("refused: 10.0.0.1 is a private address"),
                delivery.getString("lastError"));
        assertTrue(receiver.received().isEmpty());
    }

    @Test
    void anEndpointFailingForFiveDaysIsDisabledAndItsOwnerToldOfItInTheInboxAndByEmail() {
        String address = "owner-" + api.owner + "@example.com";
        auth.knows(api.tenant, api.owner, address, "active");
        WebhookApi.Created endpoint = endpoint("/down");
        receiver.answer(503);
        Event first = publish("task.failed");
        attempted(endpoint.id(), first, 1);
        assertNotNull(api.endpoint(endpoint.id()).getString("failingSince"));
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        publish("task.failed");
        await().atMost(WAIT).until(() -> !api.endpoint(endpoint.id()).getBoolean("enabled"));
        assertTrue(api.endpoint(endpoint.id()).getString("disabledReason").startsWith("every delivery has failed since"));
        List<Map<String, Object>> told = api.ownersInbox(EndpointDisabledNotice.TYPE);
        assertEquals(1, told.size());
        assertEquals(receiver.url("/down"), ((Map<?, ?>) told.get(0).get("data")).get("url"));
        await().atMost(WAIT).until(() -> MailServer.receivedBy(address).size() == 1);
    }

    @Test
    void aSuccessEndsTheEndpointsRunOfFailures() {
        WebhookApi.Created endpoint = endpoint("/flaky");
        receiver.answer(500);
        attempted(endpoint.id(), publish("task.failed"), 1);
        assertNotNull(api.endpoint(endpoint.id()).getString("failingSince"));
        receiver.answer(204);
        ended(endpoint.id(), publish("task.failed"));
        assertNull(api.endpoint(endpoint.id()).getString("failingSince"));
    }

    @Test
    void aReplaySendsTheSameWebhookIdAgainAsANewDelivery() {
        WebhookApi.Created endpoint = endpoint("/replayed");
        Event event = publish("task.failed");
        String first = ended(endpoint.id(), event).getString("id");
        String replay = api.admin().post(ENDPOINTS + "/" + endpoint.id() + "/deliveries/" + first + "/replay").then()
                .statusCode(202)
                .header("Location", containsString("/deliveries/"))
                .body("status", is("PENDING"))
                .body("eventId", is(event.id().toString()))
                .extract().path("id");
        assertNotEquals(first, replay);
        await().atMost(WAIT).until(() -> receiver.received(event.id().toString()).size() == 2);
        await().atMost(WAIT).until(() -> "SUCCEEDED".equals(api.admin()
                .get(ENDPOINTS + "/" + endpoint.id() + "/deliveries/" + replay).then().extract().path("status")));
        assertEquals(1, receiver.timesProcessed(event.id().toString()));
    }

    @Test
    void aTestEventReachesExactlyThatEndpoint() {
        WebhookApi.Created endpoint = endpoint("/tested");
        WebhookApi.Created other = endpoint("/untested");
        String delivery = api.admin().post(ENDPOINTS + "/" + endpoint.id() + "/test").then()
                .statusCode(202)
                .body("eventType", is("webhook.test"))
                .body("status", is("PENDING"))
                .extract().path("id");
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        WebhookReceiver.Received request = receiver.received().get(0);
        assertEquals("/tested", request.path());
        assertTrue(request.verified());
        JsonObject body = new JsonObject(request.body());
        assertEquals("webhook.test", body.getString("type"));
        assertEquals(endpoint.id().toString(), body.getJsonObject("data").getString("endpointId"));
        await().atMost(WAIT).until(() -> "SUCCEEDED".equals(api.admin()
                .get(ENDPOINTS + "/" + endpoint.id() + "/deliveries/" + delivery).then().extract().path("status")));
        api.admin().get(ENDPOINTS + "/" + other.id() + "/deliveries").then().body("items", is(List.of()));
    }

    @Test
    void aDisabledEndpointIsNotSentTestsOrReplays() {
        WebhookApi.Created endpoint = endpoint("/paused");
        Event event = publish("task.failed");
        String delivery = ended(endpoint.id(), event).getString("id");
        api.admin().post(ENDPOINTS + "/" + endpoint.id() + "/disable").then().statusCode(200);
        api.admin().post(ENDPOINTS + "/" + endpoint.id() + "/test").then().spec(Problems.conflict());
        api.admin().post(ENDPOINTS + "/" + endpoint.id() + "/deliveries/" + delivery + "/replay").then()
                .spec(Problems.conflict());
    }

    @Test
    void anotherTenantsOrAnotherEndpointsDeliveryIsNotFound() {
        WebhookApi.Created endpoint = endpoint("/own");
        WebhookApi.Created sibling = endpoint("/sibling");
        Event event = publish("task.failed");
        String delivery = ended(endpoint.id(), event).getString("id");
        WebhookApi other = new WebhookApi();
        String path = ENDPOINTS + "/" + endpoint.id() + "/deliveries/" + delivery;
        other.admin().get(path).then().spec(Problems.notFound());
        other.admin().post(path + "/replay").then().spec(Problems.notFound());
        api.admin().get(ENDPOINTS + "/" + sibling.id() + "/deliveries/" + delivery).then().spec(Problems.notFound());
        api.admin().post(ENDPOINTS + "/" + sibling.id() + "/deliveries/" + delivery + "/replay").then()
                .spec(Problems.notFound());
        api.admin().get(ENDPOINTS + "/" + endpoint.id() + "/deliveries/" + UUID.randomUUID()).then().spec(Problems.notFound());
        assertEquals(List.of(), deliveries.ofEvent(other.tenant, event.id()).await().atMost(WAIT));
    }

    @Test
    void theDeliveryLogIsNewestFirstAndFiltersByStatus() {
        WebhookApi.Created endpoint = endpoint("/log");
        Event succeeded = publish("task.failed");
        ended(endpoint.id(), succeeded);
        receiver.answer(500);
        Event failing = publish("task.failed");
        attempted(endpoint.id(), failing, 1);
        String path = ENDPOINTS + "/" + endpoint.id() + "/deliveries";
        api.admin().get(path).then().statusCode(200)
                .body("items.eventId", is(List.of(failing.id().toString(), succeeded.id().toString())))
                .body("items[0].attemptLog", is((Object) null));
        api.admin().get(path + "?status=succeeded").then().body("items.eventId", is(List.of(succeeded.id().toString())));
        api.admin().get(path + "?status=PENDING&limit=1").then()
                .body("items.eventId", is(List.of(failing.id().toString())))
                .body("items[0].lastResponseStatus", is(500));
        var page = api.admin().get(path + "?limit=1").then().extract().jsonPath();
        api.admin().get(path + "?limit=1&cursor=" + page.getString("nextCursor")).then()
                .body("items.eventId", is(List.of(succeeded.id().toString())));
        api.admin().get(path + "?status=LOST").then().spec(Problems.validationFailed()).body("errors.field", hasItem("status"));
    }

    @Test
    void anEventShowsItsDeliveriesWithTheirAttemptsAndInboxDeliveriesAsDelivered() {
        WebhookApi.Created endpoint = endpoint("/with-inbox");
        Event event = new Event(UUID.randomUUID(), api.tenant, "task.failed", null, new JsonObject(), false, new JsonArray(),
                "publisher", clock.instant());
        db.tx(tx -> EventSql.insert(tx, event, null, null)
                .chain(() -> deliveries.fanOutToWebhooks(tx, event))
                .chain(() -> deliveries.recordDelivered(tx, event, "inbox", List.of("user-1", "user-2"))))
                .await().atMost(WAIT);
        ended(endpoint.id(), event);
        List<DeliveryView> views = deliveries.ofEvent(api.tenant, event.id()).await().atMost(WAIT);
        assertEquals(3, views.size());
        DeliveryView webhook = views.stream().filter(view -> "webhook".equals(view.channel())).findFirst().orElseThrow();
        assertEquals("SUCCEEDED", webhook.status());
        assertEquals(endpoint.id(), webhook.endpointId());
        assertEquals(1, webhook.attemptLog().size());
        assertEquals(200, webhook.attemptLog().get(0).responseStatus());
        List<String> inbox = views.stream().filter(view -> "inbox".equals(view.channel()))
                .map(view -> view.status() + " " + view.recipient()).sorted().toList();
        assertEquals(List.of("SUCCEEDED user-1", "SUCCEEDED user-2"), inbox);
    }

    @Test
    void deliveriesAreCountedAndTimed() {
        WebhookApi.Created endpoint = endpoint("/counted");
        ended(endpoint.id(), publish("task.failed"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("flotilla_notification_deliveries_total{channel=\"webhook\",outcome=\"succeeded\"}"),
                "deliveries counter");
        assertTrue(metrics.contains("flotilla_notification_delivery_latency_seconds_bucket{channel=\"webhook\""),
                "latency histogram");
        assertTrue(metrics.contains("flotilla_notification_delivery_attempt_duration_seconds_count{channel=\"webhook\""),
                "attempt timer");
    }
}
