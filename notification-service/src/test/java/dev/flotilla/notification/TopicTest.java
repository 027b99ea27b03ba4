package dev.flotilla.notification;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class TopicTest {

    private final UUID tenant = UUID.randomUUID();
    private final String topic = "workflow." + UUID.randomUUID();

    @Test
    void aUserSubscribesThemselvesAndSeesTheSubscription() {
        Requests.as("ada", tenant, "member").post("/api/v1/topics/" + topic + "/subscribers").then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("topic", equalTo(topic), "subscriber", equalTo("ada"));

        Requests.as("ada", tenant, "member").get("/api/v1/topics/subscriptions").then()
                .statusCode(200)
                .body("items.topic", hasItem(topic));
    }

    @Test
    void subscribingTwiceAnswersTheExistingSubscription() {
        Requests.as("ada", tenant, "viewer").post("/api/v1/topics/" + topic + "/subscribers").then().statusCode(201);
        Requests.as("ada", tenant, "viewer").post("/api/v1/topics/" + topic + "/subscribers").then()
                .statusCode(200)
                .body("subscriber", equalTo("ada"));
    }

    @Test
    void aServiceSubscribesSomeoneElseButAMemberMayNot() {
        Requests.as("task-service", tenant, "service").body(Map.of("subscriber", "grace"))
                .post("/api/v1/topics/" + topic + "/subscribers").then()
                .statusCode(201)
                .body("subscriber", equalTo("grace"));
        Requests.as("ada", tenant, "member").body(Map.of("subscriber", "linus"))
                .post("/api/v1/topics/" + topic + "/subscribers").then()
                .spec(Problems.forbidden());

        Requests.as("admin", tenant, "admin").get("/api/v1/topics/" + topic + "/subscribers").then()
                .statusCode(200)
                .body("items.subscriber", contains("grace"));
    }

    @Test
    void unsubscribingRemovesTheSubscriptionAndASecondTimeIsNotFound() {
        Requests.as("ada", tenant, "member").post("/api/v1/topics/" + topic + "/subscribers").then().statusCode(201);
        Requests.as("ada", tenant, "member").delete("/api/v1/topics/" + topic + "/subscribers/ada").then().statusCode(204);
        Requests.as("ada", tenant, "member").delete("/api/v1/topics/" + topic + "/subscribers/ada").then()
                .spec(Problems.notFound());
        Requests.as("ada", tenant, "member").get("/api/v1/topics/subscriptions").then()
                .body("items.topic", not(hasItem(topic)));
    }

    @Test
    void anotherTenantsSubscribersAreInvisible() {
        Requests.as("ada", tenant, "member").post("/api/v1/topics/" + topic + "/subscribers").then().statusCode(201);
        Requests.as("admin", UUID.randomUUID(), "admin").get("/api/v1/topics/" + topic + "/subscribers").then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void aMalformedTopicKeyIsRefusedNamingTheKey() {
        Requests.as("ada", tenant, "member").post("/api/v1/topics/bad..key/subscribers").then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", equalTo("key"));
    }

    @Test
    void subscribersArePagedInOrder() {
        for (String who : new String[] { "c", "a", "b" }) {
            Requests.as("svc", tenant, "service").body(Map.of("subscriber", who))
                    .post("/api/v1/topics/" + topic + "/subscribers").then().statusCode(201);
        }
        String next = Requests.as("svc", tenant, "service").queryParam("limit", 2)
                .get("/api/v1/topics/" + topic + "/subscribers").then()
                .body("items.subscriber", contains("a", "b"))
                .extract().path("nextCursor");
        Requests.as("svc", tenant, "service").queryParam("limit", 2).queryParam("cursor", next)
                .get("/api/v1/topics/" + topic + "/subscribers").then()
                .body("items.subscriber", contains("c"), "nextCursor", equalTo(null));
    }
}
