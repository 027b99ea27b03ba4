package dev.flotilla.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static dev.flotilla.notification.WebhookApi.ENDPOINTS;
import static dev.flotilla.notification.WebhookApi.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What webhook endpoints' owners do to them reaches auth-service's audit trail, at least once and without secrets. */
@QuarkusTest
class WebhookAuditTest {

    private static final String RECEIVER = "http://127.0.0.1:9/hooks";

    @Inject
    AuthPeer auth;

    private final WebhookApi api = new WebhookApi();

    @AfterEach
    void auditTrailAvailable() {
        auth.auditUnavailableFor(0);
    }

    private List<JsonObject> auditedOnceThere(int count) {
        await().atMost(WAIT).until(() -> auth.audited(api.tenant).size() >= count);
        return auth.audited(api.tenant);
    }

    @Test
    void creatingAnEndpointIsAuditedWithItsOwnerUrlAndEventTypes() {
        WebhookApi.Created endpoint = api.create(RECEIVER, "task.*");
        JsonObject created = auditedOnceThere(1).get(0);
        assertEquals("notification.webhook-endpoint.created", created.getString("type"));
        assertEquals(api.owner.toString(), created.getString("actor"));
        assertEquals(endpoint.id().toString(), created.getString("subject"));
        JsonObject detail = created.getJsonObject("detail");
        assertEquals(RECEIVER, detail.getString("url"));
        assertEquals(List.of("task.*"), detail.getJsonArray("eventTypes").getList());
        assertNotNull(Instant.parse(detail.getString("at")));
    }

    @Test
    void rotatingDisablingEnablingAndDeletingAreAuditedEachWithItsTime() {
        WebhookApi.Created endpoint = api.create(RECEIVER);
        String path = ENDPOINTS + "/" + endpoint.id();
        api.admin().post(path + "/rotate-secret").then().statusCode(200);
        api.admin().post(path + "/disable").then().statusCode(200);
        api.admin().post(path + "/enable").then().statusCode(200);
        api.admin().delete(path).then().statusCode(204);
        // Arrival order is not the trail's promise (an event that had to wait arrives after later ones); each says when.
        List<String> types = auditedOnceThere(5).stream()
                .sorted(Comparator
                        .comparing((JsonObject event) -> Instant.parse(event.getJsonObject("detail").getString("at"))))
                .map(event -> event.getString("type")).toList();
        assertEquals(List.of("notification.webhook-endpoint.created", "notification.webhook-endpoint.secret-rotated",
                "notification.webhook-endpoint.disabled", "notification.webhook-endpoint.enabled",
                "notification.webhook-endpoint.deleted"), types);
    }

    @Test
    void noAuditEventCarriesASecret() {
        WebhookApi.Created endpoint = api.create(RECEIVER);
        String rotated = api.admin().post(ENDPOINTS + "/" + endpoint.id() + "/rotate-secret").then().statusCode(200).extract()
                .path("secret");
        String trail = auditedOnceThere(2).toString();
        assertFalse(trail.contains(endpoint.secret().substring("whsec_".length())), trail);
        assertFalse(trail.contains(rotated.substring("whsec_".length())), trail);
    }

    @Test
    void anEventTheAuditTrailCouldNotTakeIsKeptAndArrivesLater() {
        auth.auditUnavailableFor(2);
        WebhookApi.Created endpoint = api.create(RECEIVER);
        JsonObject created = auditedOnceThere(1).get(0);
        assertEquals(endpoint.id().toString(), created.getString("subject"));
        assertEquals(1, auth.audited(api.tenant).size());
    }

    @Test
    void anEndpointChangeThatFailsIsNotAudited() {
        api.admin().post(ENDPOINTS + "/" + UUID.randomUUID() + "/rotate-secret").then().statusCode(404);
        WebhookApi.Created endpoint = api.create(RECEIVER);
        List<JsonObject> trail = auditedOnceThere(1);
        assertEquals(1, trail.size());
        assertEquals(endpoint.id().toString(), trail.get(0).getString("subject"));
        assertNull(trail.get(0).getJsonObject("detail").getString("reason"));
    }
}
