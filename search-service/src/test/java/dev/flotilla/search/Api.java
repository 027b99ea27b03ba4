package dev.flotilla.search;

import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.UUID;

/** What the module's API tests share: members of a tenant, collections, documents and searches. */
public final class Api {

    private Api() {
    }

    /** A JSON request of a member of {@code tenant}. */
    public static RequestSpecification member(UUID tenant) {
        return Requests.as(tenant, "member");
    }

    /** Creates a collection with {@code settings} (JSON, may be null); its id. */
    public static String collection(UUID tenant, String settings) {
        String body = "{\"name\": \"c-" + UUID.randomUUID() + "\"" + (settings == null ? "" : ", \"settings\": " + settings)
                + "}";
        return Responses.created(member(tenant).body(body).post("/api/v1/collections").then());
    }

    public static String collection(UUID tenant) {
        return collection(tenant, null);
    }

    public static String documents(String collection) {
        return "/api/v1/collections/" + collection + "/documents";
    }

    /** Puts a document given as JSON. */
    public static void put(UUID tenant, String collection, String id, String json) {
        Responses.created(member(tenant).body(json).put(documents(collection) + "/" + id).then());
    }

    public static void put(UUID tenant, String collection, String id, String title, String body) {
        put(tenant, collection, id, "{\"title\": \"%s\", \"body\": \"%s\"}".formatted(title, body));
    }

    public static ValidatableResponse search(UUID tenant, String collection, String json) {
        return member(tenant).body(json).post("/api/v1/collections/" + collection + "/search").then();
    }

    /** The ids of the hits of query {@code q}, best first. */
    public static List<String> ids(UUID tenant, String collection, String q) {
        return search(tenant, collection, "{\"q\": " + quote(q) + "}").statusCode(200).extract().path("hits.id");
    }

    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
