package dev.flotilla.policy.decision;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.policy.evaluation.DecisionRequest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the {@code input} of an OPA Data API call becomes a decision request. */
class OpaInputTest {

    private static Map<String, Object> input(Object subject, Object action, Object resource) {
        Map<String, Object> input = new HashMap<>();
        input.put("subject", subject);
        input.put("action", action);
        input.put("resource", resource);
        return input;
    }

    private static String refusedField(Map<String, Object> input) {
        return assertThrows(BadRequest.class, () -> OpaInput.toRequest(input)).errors().get(0).field();
    }

    @Test
    void aSubjectMayBeABareIdWithoutRoles() {
        DecisionRequest request = OpaInput.toRequest(input("u-42", "read", "doc:1"));
        assertEquals(new DecisionRequest.Subject("u-42", List.of(), Map.of()), request.subject());
    }

    @Test
    void aSubjectObjectKeepsItsRolesAndAttributes() {
        DecisionRequest request = OpaInput.toRequest(input(
                Map.of("id", "u-42", "roles", List.of("member"), "attributes", Map.of("team", "blue")), "read", "doc:1"));
        assertEquals(new DecisionRequest.Subject("u-42", List.of("member"), Map.of("team", "blue")), request.subject());
    }

    @Test
    void aResourceStringIsTypeColonId() {
        DecisionRequest request = OpaInput.toRequest(input("u", "read", "conversation:c:7"));
        assertEquals(new DecisionRequest.Resource("conversation", "c:7", Map.of()), request.resource());
    }

    @Test
    void aResourceStringWithoutAColonIsATypeWithoutAnId() {
        DecisionRequest request = OpaInput.toRequest(input("u", "create", "conversation"));
        assertEquals("conversation", request.resource().type());
        assertNull(request.resource().id());
    }

    @Test
    void aResourceObjectKeepsItsAttributesAndItsIdAsText() {
        DecisionRequest request = OpaInput.toRequest(input("u", "read",
                Map.of("type", "doc", "id", 42, "attributes", Map.of("ownerId", "u"))));
        assertEquals(new DecisionRequest.Resource("doc", "42", Map.of("ownerId", "u")), request.resource());
    }

    @Test
    void theActionAndTheContextAreTakenAsTheyAre() {
        Map<String, Object> input = input("u", "read", "doc:1");
        input.put("context", Map.of("plan", "free"));
        DecisionRequest request = OpaInput.toRequest(input);
        assertEquals("read", request.action());
        assertEquals(Map.of("plan", "free"), request.context());
    }

    @Test
    void anAbsentContextIsEmpty() {
        assertEquals(Map.of(), OpaInput.toRequest(input("u", "read", "doc:1")).context());
    }

    @Test
    void aMissingInputIsABadRequestNamingIt() {
        assertEquals("input", refusedField(null));
    }

    @Test
    void aSubjectWithoutAnIdIsABadRequestNamingIt() {
        assertEquals("input.subject", refusedField(input(Map.of("roles", List.of("admin")), "read", "doc:1")));
        assertEquals("input.subject", refusedField(input(" ", "read", "doc:1")));
        assertEquals("input.subject", refusedField(input(null, "read", "doc:1")));
    }

    @Test
    void rolesThatAreNotAListOfStringsAreABadRequestNamingThem() {
        assertEquals("input.subject.roles", refusedField(input(Map.of("id", "u", "roles", "admin"), "read", "doc:1")));
        assertEquals("input.subject.roles", refusedField(input(Map.of("id", "u", "roles", List.of(1)), "read", "doc:1")));
    }

    @Test
    void aMissingOrBlankActionIsABadRequestNamingIt() {
        assertEquals("input.action", refusedField(input("u", null, "doc:1")));
        assertEquals("input.action", refusedField(input("u", "", "doc:1")));
        assertEquals("input.action", refusedField(input("u", 7, "doc:1")));
    }

    @Test
    void aResourceWithoutATypeIsABadRequestNamingIt() {
        assertEquals("input.resource", refusedField(input("u", "read", Map.of("id", "1"))));
        assertEquals("input.resource", refusedField(input("u", "read", null)));
    }

    @Test
    void attributesOrAContextThatAreNotObjectsAreABadRequestNamingThem() {
        assertEquals("input.subject.attributes", refusedField(input(Map.of("id", "u", "attributes", "x"), "read", "doc:1")));
        assertEquals("input.resource.attributes",
                refusedField(input("u", "read", Map.of("type", "doc", "attributes", List.of()))));
        Map<String, Object> input = input("u", "read", "doc:1");
        input.put("context", "pro");
        assertEquals("input.context", refusedField(input));
    }
}
