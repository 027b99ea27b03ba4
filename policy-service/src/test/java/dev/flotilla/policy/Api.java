package dev.flotilla.policy;

import dev.flotilla.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/** What the module's API tests share: callers of a tenant, policy bodies, and waiting for eventual effects. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(UUID tenant, String... roles) {
        return given().auth().oauth2(TestTokens.user(tenant, roles)).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin(UUID tenant) {
        return as(tenant, "admin");
    }

    public static RequestSpecification service(UUID tenant) {
        return as(tenant, "service");
    }

    /** A policy body with one rule. */
    public static String policy(String name, String ruleId, String effect, String actions, String resources, String condition) {
        return """
                {"name": "%s", "description": "test policy", "rules": [%s]}
                """.formatted(name, rule(ruleId, effect, actions, resources, condition));
    }

    /** One rule as JSON; {@code actions}/{@code resources} are JSON arrays, {@code condition} may be null. */
    public static String rule(String id, String effect, String actions, String resources, String condition) {
        String cond = condition == null ? "null" : "\"" + condition.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return """
                {"id": "%s", "effect": "%s", "actions": %s, "resources": %s, "condition": %s}
                """.formatted(id, effect, actions, resources, cond);
    }

    /** A decision request as JSON. */
    public static String question(String subject, String roles, String action, String type, String id, String resourceAttributes) {
        return """
                {"subject": {"id": "%s", "roles": %s}, "action": "%s",
                 "resource": {"type": "%s", "id": "%s", "attributes": %s}, "context": {}}
                """.formatted(subject, roles, action, type, id, resourceAttributes);
    }

    /** Creates a policy as an admin of {@code tenant}; its id. */
    public static String create(UUID tenant, String body) {
        return admin(tenant).body(body).post("/api/v1/policies").then().statusCode(201).extract().path("id");
    }

    /** The decision for {@code question}, asked as a service of {@code tenant}. */
    public static String decide(UUID tenant, String question) {
        return service(tenant).body(question).post("/api/v1/decisions").then().statusCode(200).extract().path("decision");
    }

    /** Polls {@code probe} until it returns a non-null result, for up to {@code timeout}. */
    public static <T> T eventually(Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T result = probe.get();
            if (result != null) {
                return result;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static ValidatableResponse etagOf(UUID tenant, String id) {
        return admin(tenant).get("/api/v1/policies/" + id).then().statusCode(200);
    }
}
