package dev.flotilla.config.ofrep;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.flotilla.config.FlagDefinitions.booleanFlag;
import static dev.flotilla.config.FlagDefinitions.condition;
import static dev.flotilla.config.FlagDefinitions.flag;
import static dev.flotilla.config.FlagDefinitions.rollout;
import static dev.flotilla.config.FlagDefinitions.rule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OfrepApiTest {

    private static final String SINGLE = "/ofrep/v1/evaluate/flags/";
    private static final String BULK = "/ofrep/v1/evaluate/flags";

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification admin() {
        return Requests.as("root", tenant, "admin");
    }

    /** An evaluation with a viewer's bearer token, in {@code prod}. */
    private RequestSpecification caller() {
        return Requests.as(tenant, "viewer").header("X-Flotilla-Env", "prod");
    }

    private String put(String key, Map<String, Object> flag) {
        return admin().body(flag).put("/api/v1/flags/" + key + "?env=prod").then().statusCode(201).extract().header("ETag");
    }

    private static Map<String, Object> context(Object... keysAndValues) {
        Map<String, Object> context = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            context.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.of("context", context);
    }

    @Test
    void aFlagEvaluatesToItsValueReasonVariantAndMetadata() {
        Map<String, Object> flag = booleanFlag(true, rule("on", condition("plan", "equals", "gold")));
        flag.put("metadata", Map.of("team", "checkout"));
        put("gold-only", flag);
        caller().body(context("targetingKey", "u1", "plan", "gold")).post(SINGLE + "gold-only").then()
                .statusCode(200).contentType(ContentType.JSON)
                .body("key", equalTo("gold-only"), "value", equalTo(true), "reason", equalTo("TARGETING_MATCH"),
                        "variant", equalTo("on"), "metadata.team", equalTo("checkout"));
        caller().body(context("plan", "free")).post(SINGLE + "gold-only").then().statusCode(200)
                .body("value", equalTo(false), "reason", equalTo("DEFAULT"), "variant", equalTo("off"));
    }

    @Test
    void aDisabledFlagAnswersItsDefaultAsDisabled() {
        put("killed", booleanFlag(false, rule("on")));
        caller().body(context()).post(SINGLE + "killed").then().statusCode(200)
                .body("value", equalTo(false), "reason", equalTo("DISABLED"), "metadata", anEmptyMap());
    }

    @Test
    void anUnknownFlagIsANotFoundWithOfrepsErrorCode() {
        caller().body(context()).post(SINGLE + "nothing-here").then().spec(Problems.notFound())
                .body("key", equalTo("nothing-here"), "errorCode", equalTo("FLAG_NOT_FOUND"),
                        "errorDetails", equalTo("Flag 'nothing-here' was not found"), "metadata", anEmptyMap());
    }

    @Test
    void aRolloutWithoutATargetingKeyIsABadRequest() {
        put("half", booleanFlag(true, rollout(50)));
        caller().body(context("plan", "gold")).post(SINGLE + "half").then().spec(Problems.badRequest())
                .body("key", equalTo("half"), "errorCode", equalTo("TARGETING_KEY_MISSING"));
        caller().body(context("targetingKey", "user-1")).post(SINGLE + "half").then().statusCode(200)
                .body("reason", equalTo("SPLIT"), "variant", oneOf("on", "off"));
    }

    @Test
    void aBodyThatIsNotAnEvaluationRequestIsAParseErrorAndABadContextInvalid() {
        caller().body("{\"context\":").post(SINGLE + "f").then().spec(Problems.badRequest())
                .body("errorCode", equalTo("PARSE_ERROR"), "key", equalTo("f"));
        caller().body("[]").post(SINGLE + "f").then().spec(Problems.badRequest()).body("errorCode", equalTo("PARSE_ERROR"));
        caller().body(Map.of("context", Map.of(), "extra", 1)).post(BULK).then().spec(Problems.badRequest())
                .body("errorCode", equalTo("PARSE_ERROR"), "key", nullValue());
        caller().body(Map.of("context", "me")).post(SINGLE + "f").then().spec(Problems.badRequest())
                .body("errorCode", equalTo("INVALID_CONTEXT"));
        caller().body(Map.of()).post(SINGLE + "f").then().spec(Problems.badRequest()).body("errorCode",
                equalTo("INVALID_CONTEXT"));
        caller().body(context("targetingKey", 7)).post(BULK).then().spec(Problems.badRequest())
                .body("errorCode", equalTo("INVALID_CONTEXT"));
    }

    @Test
    void aBearerTokenCallNamesItsEnvironment() {
        Requests.as(tenant, "viewer").body(context()).post(SINGLE + "f").then().spec(Problems.badRequest())
                .body("errorCode", equalTo("INVALID_CONTEXT"));
        Requests.as(tenant, "viewer").header("X-Flotilla-Env", "PROD").body(context()).post(BULK).then()
                .spec(Problems.badRequest()).body("errorCode", equalTo("INVALID_CONTEXT"));
    }

    @Test
    void evaluationsNeedCredentials() {
        given().contentType(ContentType.JSON).body(context()).post(BULK).then().spec(Problems.unauthorized());
    }

    @Test
    void anotherTenantsFlagsAreNotEvaluated() {
        put("secret-flag", booleanFlag(true));
        Requests.as(UUID.randomUUID(), "viewer").header("X-Flotilla-Env", "prod").body(context()).post(SINGLE + "secret-flag")
                .then().spec(Problems.notFound());
    }

    @Test
    void aChangeIsEvaluatedAtOnce() {
        String etag = put("flip", booleanFlag(true));
        caller().body(context()).post(SINGLE + "flip").then().body("reason", equalTo("STATIC"));
        admin().header("If-Match", etag).body(booleanFlag(false)).put("/api/v1/flags/flip?env=prod").then().statusCode(200);
        caller().body(context()).post(SINGLE + "flip").then().body("reason", equalTo("DISABLED"));
    }

    @Test
    void theBulkEvaluationListsEveryFlagWithFailuresInPlace() {
        put("b-static", booleanFlag(true));
        put("b-split", booleanFlag(true, rollout(10)));
        put("b-text", flag("string", true, Map.of("blue", "#00f", "red", "#f00"), "blue"));
        caller().body(context("plan", "gold")).post(BULK).then().statusCode(200)
                .body("flags", hasSize(3))
                .body("flags[0].key", equalTo("b-split"), "flags[0].errorCode", equalTo("TARGETING_KEY_MISSING"),
                        "flags[0].value", nullValue())
                .body("flags[1].key", equalTo("b-static"), "flags[1].value", equalTo(false), "flags[1].reason",
                        equalTo("STATIC"))
                .body("flags[2].value", equalTo("#00f"), "flags[2].variant", equalTo("blue"))
                .body("eventStreams[0].type", equalTo("sse"))
                .body("eventStreams[0].endpoint.requestUri", startsWith("/ofrep/v1/events?channel="))
                .body("eventStreams[0].inactivityDelaySec", equalTo(120))
                .body("metadata", aMapWithSize(0));
    }

    @Test
    void theBulkETagIsAnsweredWithNotModifiedUntilTheEvaluationsChange() {
        String flagTag = put("cached", booleanFlag(true));
        Response first = caller().body(context("targetingKey", "u1")).post(BULK);
        String etag = first.then().statusCode(200).extract().header("ETag");
        assertNotNull(etag);
        caller().header("If-None-Match", etag).body(context("targetingKey", "u1")).post(BULK).then().statusCode(304)
                .header("ETag", etag);
        admin().header("If-Match", flagTag).body(booleanFlag(false)).put("/api/v1/flags/cached?env=prod").then()
                .statusCode(200);
        String changed = caller().header("If-None-Match", etag).body(context("targetingKey", "u1")).post(BULK).then()
                .statusCode(200).body("flags[0].reason", equalTo("DISABLED")).extract().header("ETag");
        assertNotEquals(etag, changed);
    }

    @Test
    void anotherContextIsAnotherETag() {
        put("gold", booleanFlag(true, rule("on", condition("plan", "equals", "gold"))));
        String gold = caller().body(context("plan", "gold")).post(BULK).then().statusCode(200).extract().header("ETag");
        caller().header("If-None-Match", gold).body(context("plan", "free")).post(BULK).then().statusCode(200)
                .body("flags[0].value", equalTo(false));
    }

    @Test
    void theEventStreamSignalsARefetchWhenTheEnvironmentChanges() throws Exception {
        String flagTag = put("streamed", booleanFlag(true));
        String stream = caller().body(context()).post(BULK).then().statusCode(200).extract()
                .path("eventStreams[0].endpoint.requestUri");
        try (SseLines lines = SseLines.open(stream, null)) {
            assertEquals(200, lines.status());
            assertEquals(":keep-alive", lines.next(), "a quiet stream's keep-alive comment");
            String version = admin().header("If-Match", flagTag).body(booleanFlag(false)).put("/api/v1/flags/streamed?env=prod")
                    .then().statusCode(200).extract().path("version").toString();
            List<String> event = new ArrayList<>();
            for (String line = lines.next(); line != null && !line.isEmpty() || event.isEmpty(); line = lines.next()) {
                if (line != null && !line.startsWith(":") && !line.isEmpty()) {
                    event.add(line);
                }
            }
            assertEquals(List.of("data:{\"type\":\"refetchEvaluation\",\"etag\":\"" + version + "\"}", "event:message",
                    "id:" + version), event.stream().sorted().toList());
        }
    }

    @Test
    void aStreamAddressThatIsNotOursIsNotFound() {
        given().get("/ofrep/v1/events?channel=forged.token").then().spec(Problems.notFound());
    }

    @Test
    void aRefetchNamingAVersionThatDoesNotExistAnswersAsUsual() {
        put("fresh", booleanFlag(true));
        String etag = caller().body(context()).post(BULK).then().statusCode(200).extract().header("ETag");
        caller().body(context()).queryParam("flagConfigEtag", "999999999").post(BULK).then().statusCode(200)
                .header("ETag", equalTo(etag));
        caller().body(context()).queryParam("flagConfigEtag", "not-a-version").post(BULK).then().statusCode(200)
                .header("ETag", equalTo(etag));
    }

    @Test
    void aStreamResumedFromAnOlderVersionIsSignalledAtOnce() throws Exception {
        put("resumed", booleanFlag(true));
        String stream = caller().body(context()).post(BULK).then().statusCode(200).extract()
                .path("eventStreams[0].endpoint.requestUri");
        try (SseLines lines = SseLines.open(stream, "1")) {
            String line = lines.next();
            while (line != null && !line.startsWith("data:")) {
                line = lines.next();
            }
            assertTrue(line != null && line.contains("refetchEvaluation"), String.valueOf(line));
        }
    }
}
