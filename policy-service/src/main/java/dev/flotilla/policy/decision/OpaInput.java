package dev.flotilla.policy.decision;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.policy.evaluation.DecisionRequest;

import java.util.List;
import java.util.Map;

/**
 * Maps the {@code input} document of an OPA Data API call onto a decision request. The input
 * has the shape of {@code POST /api/v1/decisions}, with two OPA-style conveniences: {@code subject}
 * may be just an id, and {@code resource} may be a {@code "type:id"} string.
 */
final class OpaInput {

    private OpaInput() {
    }

    static DecisionRequest toRequest(Map<String, Object> input) {
        if (input == null) {
            throw new BadRequest("input", "is required: {\"input\": {\"subject\": ..., \"action\": ..., \"resource\": ...}}");
        }
        return new DecisionRequest(subject(input.get("subject")), action(input.get("action")), resource(input.get("resource")),
                map("input.context", input.get("context")));
    }

    private static DecisionRequest.Subject subject(Object value) {
        if (value instanceof String id && !id.isBlank()) {
            return new DecisionRequest.Subject(id, List.of(), Map.of());
        }
        if (value instanceof Map<?, ?> subject && subject.get("id") instanceof String id && !id.isBlank()) {
            return new DecisionRequest.Subject(id, roles(subject.get("roles")),
                    map("input.subject.attributes", subject.get("attributes")));
        }
        throw new BadRequest("input.subject", "must be an id or an object with an id");
    }

    private static String action(Object value) {
        if (value instanceof String action && !action.isBlank()) {
            return action;
        }
        throw new BadRequest("input.action", "must be a non-empty string");
    }

    private static DecisionRequest.Resource resource(Object value) {
        if (value instanceof String name && !name.isBlank()) {
            int colon = name.indexOf(':');
            return colon < 0
                    ? new DecisionRequest.Resource(name, null, Map.of())
                    : new DecisionRequest.Resource(name.substring(0, colon), name.substring(colon + 1), Map.of());
        }
        if (value instanceof Map<?, ?> resource && resource.get("type") instanceof String type && !type.isBlank()) {
            Object id = resource.get("id");
            return new DecisionRequest.Resource(type, id == null ? null : id.toString(),
                    map("input.resource.attributes", resource.get("attributes")));
        }
        throw new BadRequest("input.resource", "must be \"type:id\" or an object with a type");
    }

    private static List<String> roles(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new BadRequest("input.subject.roles", "must be a list of strings");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String field, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new BadRequest(field, "must be an object");
    }
}
