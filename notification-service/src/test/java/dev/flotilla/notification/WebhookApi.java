package dev.flotilla.notification;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import dev.flotilla.notification.delivery.Deliveries;
import dev.flotilla.notification.event.Event;
import dev.flotilla.notification.event.EventSql;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's admin managing webhook endpoints, and its events published as the publish package will: the event and
 * its webhook deliveries written in one transaction.
 */
public final class WebhookApi {

    public static final String ENDPOINTS = "/api/v1/webhook-endpoints";
    public static final Duration WAIT = Duration.ofSeconds(20);

    /** An endpoint as created: its id and the secret shown once. */
    public record Created(UUID id, String secret) {
    }

    public final UUID tenant = UUID.randomUUID();
    /** The administrator who creates the endpoints: a user of the tenant. */
    public final UUID owner = UUID.randomUUID();

    public RequestSpecification admin() {
        return Requests.as(owner.toString(), tenant, "admin");
    }

    /** The owner's notifications of {@code type}, newest first. */
    public List<Map<String, Object>> ownersInbox(String type) {
        return admin().get("/api/v1/inbox?type=" + type).then().statusCode(200).extract().jsonPath().getList("items");
    }

    public Created create(String url, String... patterns) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        if (patterns.length > 0) {
            body.put("eventTypes", List.of(patterns));
        }
        var response = admin().body(body).post(ENDPOINTS).then();
        String id = Responses.created(response);
        return new Created(UUID.fromString(id), response.extract().path("secret"));
    }

    /** Writes an event of the tenant and its webhook deliveries in one transaction; answers it. */
    public Event publish(Db db, Deliveries deliveries, Clock clock, String type, JsonObject data) {
        Event event = new Event(Ids.next(), tenant, type, null, data, false, new JsonArray(), "publisher",
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        db.tx(tx -> EventSql.insert(tx, event, null, null).chain(() -> deliveries.fanOutToWebhooks(tx, event)))
                .await().atMost(WAIT);
        return event;
    }

    /** The endpoint's delivery of {@code event}, with its attempts, or null while there is none. */
    public JsonPath delivery(UUID endpoint, UUID event) {
        List<Map<String, Object>> items = admin().get(ENDPOINTS + "/" + endpoint + "/deliveries?limit=500").then()
                .statusCode(200).extract().jsonPath().getList("items");
        String id = items.stream().filter(item -> event.toString().equals(item.get("eventId")))
                .map(item -> (String) item.get("id")).findFirst().orElse(null);
        return id == null ? null
                : admin().get(ENDPOINTS + "/" + endpoint + "/deliveries/" + id).then().statusCode(200).extract().jsonPath();
    }

    public JsonPath endpoint(UUID endpoint) {
        return admin().get(ENDPOINTS + "/" + endpoint).then().statusCode(200).extract().jsonPath();
    }
}
