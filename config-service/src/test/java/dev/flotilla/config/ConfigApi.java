package dev.flotilla.config;

import dev.flotilla.testing.Requests;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Calls of the configuration API as a tenant's admin, member or service, for the tests of one tenant. */
final class ConfigApi {

    final UUID tenant = UUID.randomUUID();

    RequestSpecification admin() {
        return Requests.as("ada", tenant, "admin");
    }

    RequestSpecification member() {
        return Requests.as("max", tenant, "member");
    }

    RequestSpecification service() {
        return Requests.as("deployer", tenant, "service");
    }

    /** A new namespace of the tenant; its name. */
    String namespace() {
        String name = "ns-" + UUID.randomUUID();
        admin().body(Map.of("name", name, "description", "for a test")).post("/api/v1/namespaces").then().statusCode(201);
        return name;
    }

    static String entry(String namespace, String key) {
        return "/api/v1/namespaces/" + namespace + "/entries/" + key;
    }

    static Map<String, Object> body(String type, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("value", value);
        return body;
    }

    /** Creates or changes the entry (with the current ETag when it exists) as the admin; the response. */
    ValidatableResponse put(String namespace, String key, String env, Map<String, Object> body) {
        RequestSpecification request = admin();
        if (env != null) {
            request.queryParam("env", env);
        }
        String etag = etag(namespace, key, env);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.body(body).put(entry(namespace, key)).then();
    }

    /** The ETag of the entry of exactly that layer, or null when it has none. */
    String etag(String namespace, String key, String env) {
        RequestSpecification request = admin();
        if (env != null) {
            request.queryParam("env", env);
        }
        var response = request.get(entry(namespace, key)).then().extract();
        if (response.statusCode() != 200) {
            return null;
        }
        Object layer = response.path("env");
        return (env == null ? layer == null : env.equals(layer)) ? response.header("ETag") : null;
    }

    /** The namespace's current index. */
    long index(String namespace) {
        return Long.parseLong(member().get("/api/v1/namespaces/" + namespace).then().statusCode(200).extract()
                .header("X-Flotilla-Index"));
    }
}
