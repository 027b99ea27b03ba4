package dev.flotilla.conversation;

import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The conversation API as the tests call it: one tenant of their own, its users by name. */
public final class ConversationApi {

    public static final String CONVERSATIONS = "/api/v1/conversations";

    public final UUID tenant = Ids.next();

    public RequestSpecification as(String user, String role) {
        return Requests.as(user, tenant, role);
    }

    public RequestSpecification member(String user) {
        return as(user, "member");
    }

    public String create(String user, Map<String, Object> fields) {
        return Responses.created(member(user).body(fields).post(CONVERSATIONS).then());
    }

    public String create(String user) {
        return create(user, Map.of("title", "A chat"));
    }

    public static String path(String conversation) {
        return CONVERSATIONS + "/" + conversation;
    }

    public static String messages(String conversation) {
        return path(conversation) + "/messages";
    }

    /** Appends messages of {@code role} with the contents given; answers their ids in order. */
    public List<String> append(String user, String conversation, String role, String... contents) {
        List<Map<String, Object>> batch = java.util.Arrays.stream(contents)
                .map(content -> Map.<String, Object> of("role", role, "content", content)).toList();
        return member(user).body(Map.of("messages", batch)).post(messages(conversation)).then().statusCode(201).extract()
                .path("items.id");
    }
}
