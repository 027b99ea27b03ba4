package dev.flotilla.policy;

import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

/** What the module's API tests share: an admin or a service of a tenant, policy bodies, questions. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification admin(UUID tenant) {
        return Requests.as(tenant, "admin");
    }

    public static RequestSpecification service(UUID tenant) {
        return Requests.as(tenant, "service");
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
    public static String question(String subject, String roles, String action, String type, String id,
            String resourceAttributes) {
        return """
                {"subject": {"id": "%s", "roles": %s}, "action": "%s",
                 "resource": {"type": "%s", "id": "%s", "attributes": %s}, "context": {}}
                """.formatted(subject, roles, action, type, id, resourceAttributes);
    }

    /** Creates a policy as an admin of {@code tenant}; its id. */
    public static String create(UUID tenant, String body) {
        return Responses.created(admin(tenant).body(body).post("/api/v1/policies").then());
    }

    /** The decision for {@code question}, asked as a service of {@code tenant}. */
    public static String decide(UUID tenant, String question) {
        return service(tenant).body(question).post("/api/v1/decisions").then().statusCode(200).extract().path("decision");
    }
}
