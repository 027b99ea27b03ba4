package dev.flotilla.config.ofrep;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.flotilla.config.targeting.Bucketing;
import dev.flotilla.testing.Requests;
import dev.openfeature.contrib.providers.ofrep.OfrepProvider;
import dev.openfeature.contrib.providers.ofrep.OfrepProviderOptions;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static dev.flotilla.config.FlagDefinitions.booleanFlag;
import static dev.flotilla.config.FlagDefinitions.condition;
import static dev.flotilla.config.FlagDefinitions.flag;
import static dev.flotilla.config.FlagDefinitions.rollout;
import static dev.flotilla.config.FlagDefinitions.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The official OpenFeature Java SDK with its OFREP provider, unchanged, against the running service and an API key. */
@QuarkusTest
class OpenFeatureSdkTest {

    private final UUID tenant = UUID.randomUUID();
    private final String domain = "flotilla-" + tenant;
    private String keyId;
    private Client client;

    @BeforeEach
    void connect() {
        ValidatableResponse created = Requests.as("root", tenant, "admin")
                .body(Map.of("name", "sdk test", "environment", "prod")).post("/api/v1/api-keys").then().statusCode(201);
        keyId = created.extract().path("id");
        OfrepProvider provider = OfrepProvider.constructProvider(OfrepProviderOptions.builder()
                .baseUrl("http://localhost:" + RestAssured.port)
                .headers(ImmutableMap.of("X-API-Key", ImmutableList.of(created.extract().<String> path("key"))))
                .build());
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
        client = OpenFeatureAPI.getInstance().getClient(domain);
    }

    @AfterEach
    void disconnect() {
        OpenFeatureAPI.getInstance().getProvider(domain).shutdown();
    }

    private void put(String key, Map<String, Object> flag) {
        Requests.as("root", tenant, "admin").body(flag).put("/api/v1/flags/" + key + "?env=prod").then().statusCode(201);
    }

    private static ImmutableContext user(String targetingKey, Object... attributes) {
        Map<String, Value> values = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            values.put((String) attributes[i], new Value((String) attributes[i + 1]));
        }
        return new ImmutableContext(targetingKey, values);
    }

    @Test
    void aBooleanFlagIsEvaluatedWithItsRules() {
        put("sdk-checkout", booleanFlag(true, rule("on", condition("plan", "equals", "gold"))));
        FlagEvaluationDetails<Boolean> gold = client.getBooleanDetails("sdk-checkout", false, user("u1", "plan", "gold"));
        assertEquals(true, gold.getValue());
        assertEquals("TARGETING_MATCH", gold.getReason());
        assertEquals("on", gold.getVariant());
        FlagEvaluationDetails<Boolean> free = client.getBooleanDetails("sdk-checkout", true, user("u2", "plan", "free"));
        assertEquals(false, free.getValue());
        assertEquals("DEFAULT", free.getReason());
        assertNull(free.getErrorCode());
    }

    @Test
    void aStringFlagIsEvaluated() {
        put("sdk-theme", flag("string", true, Map.of("dark", "#111", "light", "#fff"), "dark"));
        FlagEvaluationDetails<String> theme = client.getStringDetails("sdk-theme", "none", user("u1"));
        assertEquals("#111", theme.getValue());
        assertEquals("STATIC", theme.getReason());
        assertEquals("dark", theme.getVariant());
    }

    @Test
    void aRolloutGivesEachUserTheVariantOfItsBucket() {
        put("sdk-rollout", booleanFlag(true, rollout(50)));
        for (int i = 0; i < 20; i++) {
            String user = "user-" + i;
            FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("sdk-rollout", false, user(user));
            assertEquals(Bucketing.bucket("sdk-rollout", user) < 50_000, details.getValue(), user);
            assertEquals("SPLIT", details.getReason());
        }
    }

    @Test
    void aDisabledFlagGivesItsDefaultVariant() {
        put("sdk-killed", booleanFlag(false, rule("on")));
        FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("sdk-killed", true, user("u1"));
        assertEquals(false, details.getValue());
        assertEquals("DISABLED", details.getReason());
    }

    @Test
    void anUnknownFlagGivesTheCodeDefaultWithFlagNotFound() {
        FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("sdk-nowhere", true, user("u1"));
        assertEquals(true, details.getValue());
        assertEquals(ErrorCode.FLAG_NOT_FOUND, details.getErrorCode());
    }

    @Test
    void askingForAnotherTypeIsATypeMismatch() {
        put("sdk-typed", booleanFlag(true));
        FlagEvaluationDetails<String> details = client.getStringDetails("sdk-typed", "fallback", user("u1"));
        assertEquals("fallback", details.getValue());
        assertEquals(ErrorCode.TYPE_MISMATCH, details.getErrorCode());
    }

    @Test
    void aRevokedKeyGivesTheCodeDefault() {
        put("sdk-revoked", booleanFlag(true, rule("on")));
        assertEquals(true, client.getBooleanValue("sdk-revoked", false, user("u1")));
        Requests.as("root", tenant, "admin").delete("/api/v1/api-keys/" + keyId).then().statusCode(204);
        FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("sdk-revoked", false, user("u1"));
        assertEquals(false, details.getValue());
        assertEquals(ErrorCode.GENERAL, details.getErrorCode());
    }
}
