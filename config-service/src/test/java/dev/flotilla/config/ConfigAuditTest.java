package dev.flotilla.config;

import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Changes of secret entries and of API keys reach auth-service's audit trail through the outbox, at least once,
 * naming what changed and never a value or a key's secret.
 */
@QuarkusTest
class ConfigAuditTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PLAIN = "pa55-Of-The-Audit-Test-91c2";

    @Inject
    AuditTrailPeer auth;

    private final ConfigApi api = new ConfigApi();

    @AfterEach
    void auditTrailAvailable() {
        auth.unavailableFor(0);
    }

    private List<JsonObject> auditedOnceThere(int count) {
        await().atMost(WAIT).until(() -> auth.audited(api.tenant).size() >= count);
        return auth.audited(api.tenant).stream()
                .sorted(Comparator
                        .comparing((JsonObject event) -> Instant.parse(event.getJsonObject("detail").getString("at"))))
                .toList();
    }

    private static Map<String, Object> secret(String value) {
        Map<String, Object> body = ConfigApi.body("string", value);
        body.put("secret", true);
        return body;
    }

    @Test
    void creatingASecretEntryIsAuditedWithItsNamespaceKeyAndEnvironment() {
        String ns = api.namespace();
        api.put(ns, "db.password", "prod", secret(PLAIN)).statusCode(201);
        JsonObject created = auditedOnceThere(1).get(0);
        assertEquals("config.secret.created", created.getString("type"));
        assertEquals("ada", created.getString("actor"));
        assertEquals(ns + "/db.password?env=prod", created.getString("subject"));
        JsonObject detail = created.getJsonObject("detail");
        assertEquals(ns, detail.getString("namespace"));
        assertEquals("db.password", detail.getString("key"));
        assertEquals("prod", detail.getString("env"));
        assertNotNull(detail.getLong("revision"));
        assertNotNull(Instant.parse(detail.getString("at")));
    }

    @Test
    void updatingAndDeletingASecretAreAuditedInOrderAndNoEventCarriesItsValue() {
        String ns = api.namespace();
        api.put(ns, "token", null, secret(PLAIN)).statusCode(201);
        api.put(ns, "token", null, secret(PLAIN + "-rotated")).statusCode(200);
        api.admin().header("If-Match", api.etag(ns, "token", null)).delete(ConfigApi.entry(ns, "token")).then()
                .statusCode(204);
        List<JsonObject> trail = auditedOnceThere(3);
        assertEquals(List.of("config.secret.created", "config.secret.updated", "config.secret.deleted"),
                trail.stream().map(event -> event.getString("type")).toList());
        assertFalse(trail.toString().contains(PLAIN), trail.toString());
    }

    @Test
    void aPlainEntryIsNotAudited() {
        String ns = api.namespace();
        api.put(ns, "plain", null, ConfigApi.body("string", "visible")).statusCode(201);
        api.put(ns, "hidden", null, secret(PLAIN)).statusCode(201);
        List<JsonObject> trail = auditedOnceThere(1);
        assertEquals(1, trail.size());
        assertEquals("hidden", trail.get(0).getJsonObject("detail").getString("key"));
    }

    @Test
    void creatingAndRevokingAnApiKeyAreAuditedOnceEachWithoutItsSecret() {
        var created = api.admin().body(Map.of("name", "storefront", "environment", "prod")).post("/api/v1/api-keys").then()
                .statusCode(201);
        String id = Responses.created(created);
        String key = created.extract().path("key");
        api.admin().delete("/api/v1/api-keys/" + id).then().statusCode(204);
        api.admin().delete("/api/v1/api-keys/" + id).then().statusCode(204);
        List<JsonObject> trail = auditedOnceThere(2);
        assertEquals(List.of("config.api-key.created", "config.api-key.revoked"),
                trail.stream().map(event -> event.getString("type")).toList());
        for (JsonObject event : trail) {
            assertEquals(id, event.getString("subject"));
            assertEquals("storefront", event.getJsonObject("detail").getString("name"));
            assertEquals("prod", event.getJsonObject("detail").getString("environment"));
        }
        assertFalse(trail.toString().contains(key.substring("flk_".length())), trail.toString());
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> auth.audited(api.tenant).size() == 2);
    }

    @Test
    void anEventTheAuditTrailCouldNotTakeIsKeptAndArrivesLater() {
        auth.unavailableFor(2);
        String ns = api.namespace();
        api.put(ns, "kept", "dev", secret(PLAIN)).statusCode(201);
        JsonObject created = auditedOnceThere(1).get(0);
        assertEquals(ns + "/kept?env=dev", created.getString("subject"));
        assertEquals(1, auth.audited(api.tenant).size());
    }
}
