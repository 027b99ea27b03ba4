package dev.flotilla.notification;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Publishing events: the event and every delivery it fans out to, in one transaction. */
@QuarkusTest
class PublishTest {

    private static final String EVENTS = "/api/v1/events";

    private final UUID tenant = UUID.randomUUID();
    private final String ada = UUID.randomUUID().toString();
    private final String grace = UUID.randomUUID().toString();

    private RequestSpecification service() {
        return Requests.as("task-service", tenant, "service");
    }

    private static Map<String, Object> event(String type, List<Map<String, String>> recipients) {
        return Map.of("type", type, "subject", "Task \"resize\" failed", "recipients", recipients,
                "data", Map.of("taskId", "t-1", "attempts", 3));
    }

    @Test
    void anEventToAUserLandsInTheirInboxBeforeTheAnswer() {
        String id = Responses.created(service().body(event("task.failed", List.of(Map.of("userId", ada))))
                .post(EVENTS).then().body("deliveryCount", equalTo(2)));

        Requests.as(ada, tenant, "member").get("/api/v1/inbox").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].eventId", equalTo(id))
                .body("items[0].type", equalTo("task.failed"))
                .body("items[0].data.attempts", equalTo(3));
    }

    @Test
    void anEventToATopicReachesItsSubscribersOnce() {
        String topic = "workflow." + UUID.randomUUID();
        Requests.as(ada, tenant, "member").post("/api/v1/topics/" + topic + "/subscribers").then().statusCode(201);
        Requests.as(grace, tenant, "member").post("/api/v1/topics/" + topic + "/subscribers").then().statusCode(201);

        service().body(event("workflow.completed", List.of(Map.of("topic", topic), Map.of("userId", ada))))
                .post(EVENTS).then().statusCode(201).body("deliveryCount", equalTo(4));

        Requests.as(ada, tenant, "member").get("/api/v1/inbox").then().body("items", hasSize(1));
        Requests.as(grace, tenant, "member").get("/api/v1/inbox").then().body("items.type", hasItem("workflow.completed"));
    }

    @Test
    void theEventIsReadBackWithEveryDelivery() {
        String id = Responses.created(service().body(event("task.failed", List.of(Map.of("userId", ada),
                Map.of("userId", grace)))).post(EVENTS).then());

        service().get(EVENTS + "/" + id).then()
                .statusCode(200)
                .body("type", equalTo("task.failed"))
                .body("publishedBy", equalTo("task-service"))
                .body("deliveries", hasSize(4))
                .body("deliveries.channel", containsInAnyOrder("inbox", "inbox", "email", "email"))
                .body("deliveries.findAll { it.channel == 'inbox' }.recipient", containsInAnyOrder(ada, grace))
                .body("deliveries.findAll { it.channel == 'inbox' }.status", containsInAnyOrder("SUCCEEDED", "SUCCEEDED"))
                .body("deliveries.findAll { it.channel == 'email' }.recipient", containsInAnyOrder(ada, grace));
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstEventAndNotifiesOnce() {
        Map<String, Object> body = event("task.failed", List.of(Map.of("userId", ada)));
        String first = Responses.created(service().header("Idempotency-Key", "outbox-41").body(body).post(EVENTS).then()
                .header("Idempotent-Replayed", "false"));
        service().header("Idempotency-Key", "outbox-41").body(body).post(EVENTS).then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));

        Requests.as(ada, tenant, "member").get("/api/v1/inbox").then().body("items", hasSize(1));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherEventIsAConflict() {
        service().header("Idempotency-Key", "outbox-42").body(event("task.failed", List.of(Map.of("userId", ada))))
                .post(EVENTS).then().statusCode(201);
        service().header("Idempotency-Key", "outbox-42").body(event("task.dead", List.of(Map.of("userId", ada))))
                .post(EVENTS).then().spec(Problems.conflict());
    }

    @Test
    void aRecipientMustNameExactlyOneDestination() {
        service().body(event("task.failed", List.of(Map.of("userId", ada), Map.of("userId", grace, "topic", "x"))))
                .post(EVENTS).then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", equalTo("recipients[1]"));
        Requests.as(ada, tenant, "member").get("/api/v1/inbox").then().body("items", hasSize(0));
    }

    @Test
    void aTypeThatIsNotDotSeparatedWordsIsRefused() {
        service().body(event("Task Failed", List.of(Map.of("userId", ada)))).post(EVENTS).then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void membersMayNotPublish() {
        Requests.as(ada, tenant, "member").body(event("task.failed", List.of(Map.of("userId", ada)))).post(EVENTS).then()
                .spec(Problems.forbidden());
    }

    @Test
    void anotherTenantsEventIsNotFound() {
        String id = Responses.created(service().body(event("task.failed", List.of())).post(EVENTS).then());
        Requests.as("task-service", UUID.randomUUID(), "service").get(EVENTS + "/" + id).then()
                .spec(Problems.notFound());
    }

    @Test
    void anEventFansOutToTheWebhookEndpointsSubscribedToItsType() {
        RequestSpecification admin = Requests.as("admin", tenant, "admin");
        String endpoint = Responses.created(admin.body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes",
                List.of("task.*"))).post("/api/v1/webhook-endpoints").then());
        Responses.created(Requests.as("admin", tenant, "admin").body(Map.of("url", "http://127.0.0.1:9/other",
                "eventTypes", List.of("workflow.*"))).post("/api/v1/webhook-endpoints").then());

        String id = Responses.created(service().body(event("task.failed", List.of())).post(EVENTS).then()
                .body("deliveryCount", equalTo(1)));
        service().get(EVENTS + "/" + id).then()
                .body("deliveries", hasSize(1))
                .body("deliveries[0].channel", equalTo("webhook"))
                .body("deliveries[0].endpointId", equalTo(endpoint))
                .body("deliveries[0].id", notNullValue());
    }

    @Test
    void aUserWhoTurnedTheInboxOffForTheTypeGetsNoInboxNotification() {
        Requests.as(ada, tenant, "member").body(Map.of("enabled", false)).put("/api/v1/preferences/inbox/task.*").then()
                .statusCode(200);
        service().body(event("task.failed", List.of(Map.of("userId", ada)))).post(EVENTS).then()
                .statusCode(201).body("deliveryCount", equalTo(1));
        Requests.as(ada, tenant, "member").get("/api/v1/inbox").then().body("items", hasSize(0));
    }

    @Test
    void aServiceFollowingATopicGetsItsEventsInItsInboxButNoEmail() {
        String topic = "workflow." + UUID.randomUUID();
        Requests.as("audit-service", tenant, "service").post("/api/v1/topics/" + topic + "/subscribers").then()
                .statusCode(201);
        service().body(event("workflow.failed", List.of(Map.of("topic", topic)))).post(EVENTS).then()
                .statusCode(201).body("deliveryCount", equalTo(1));
        Requests.as("audit-service", tenant, "service").get("/api/v1/inbox").then().body("items", hasSize(1));
    }
}
