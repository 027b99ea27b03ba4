package dev.flotilla.task.task;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.common.error.Problem;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * References in a workflow task's payload to the results of its direct dependencies: an object
 * {@code {"$from": "<dependency key>", "path": "<JSON Pointer>"}} anywhere in the payload tree stands
 * for that part of the dependency's result (RFC 6901; without {@code path}, the whole result).
 * They are checked when the workflow is created and resolved when the task is released.
 */
public final class PayloadReferences {

    static final String FROM = "$from";
    static final String PATH = "path";

    private PayloadReferences() {
    }

    /** A reference that names nothing in its dependency's result; the message says which and where. */
    public static final class Unresolvable extends Exception {
        Unresolvable(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether {@code payload} holds a reference anywhere. */
    public static boolean present(JsonNode payload) {
        if (payload == null) {
            return false;
        }
        if (payload.isObject() && payload.has(FROM)) {
            return true;
        }
        for (JsonNode child : payload) {
            if (present(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What is wrong with the references of a payload ({@code field} names it, e.g. {@code tasks[2].payload})
     * of a task depending on {@code dependencies}: a reference must name a direct dependency, may give a
     * JSON Pointer as {@code path}, and has no other members.
     */
    public static List<Problem.FieldError> check(String field, JsonNode payload, Set<String> dependencies) {
        List<Problem.FieldError> errors = new ArrayList<>();
        check(field, payload, dependencies, errors);
        return errors;
    }

    private static void check(String field, JsonNode node, Set<String> dependencies, List<Problem.FieldError> errors) {
        if (node == null) {
            return;
        }
        if (node.isObject() && node.has(FROM)) {
            JsonNode from = node.get(FROM);
            if (!from.isTextual()) {
                errors.add(new Problem.FieldError(field + "." + FROM, "must be the key of a dependency"));
            } else if (!dependencies.contains(from.asText())) {
                errors.add(new Problem.FieldError(field + "." + FROM,
                        "'" + from.asText() + "' is not a direct dependency of this task (dependsOn)"));
            }
            JsonNode path = node.get(PATH);
            if (path != null && !(path.isTextual() && pointer(path.asText()) != null)) {
                errors.add(new Problem.FieldError(field + "." + PATH,
                        "must be a JSON Pointer (RFC 6901) such as \"/items/0\", or absent for the whole result"));
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!name.equals(FROM) && !name.equals(PATH)) {
                    errors.add(new Problem.FieldError(field + "." + name, "a reference has only $from and path"));
                }
            }
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(member -> check(field + "." + member.getKey(), member.getValue(), dependencies,
                    errors));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(field + "[" + i + "]", node.get(i), dependencies, errors);
            }
        }
    }

    /**
     * {@code payload} with every reference replaced by what it names in {@code results} (dependency
     * key → result); the payload itself is left as it is.
     */
    public static JsonNode resolve(JsonNode payload, Map<String, JsonNode> results) throws Unresolvable {
        return resolve("payload", payload, results);
    }

    private static JsonNode resolve(String field, JsonNode node, Map<String, JsonNode> results) throws Unresolvable {
        if (node == null) {
            return null;
        }
        if (node.isObject() && node.has(FROM)) {
            String from = node.get(FROM).asText();
            if (!results.containsKey(from)) {
                throw new Unresolvable(field + ": $from '" + from + "' is not a dependency of this task");
            }
            JsonNode result = results.get(from) == null ? NullNode.getInstance() : results.get(from);
            JsonNode path = node.get(PATH);
            if (path == null || path.asText().isEmpty()) {
                return result.deepCopy();
            }
            JsonNode part = result.at(pointer(path.asText()));
            if (part.isMissingNode()) {
                throw new Unresolvable(field + ": the result of '" + from + "' has nothing at " + path.asText());
            }
            return part.deepCopy();
        }
        if (node.isObject()) {
            ObjectNode resolved = ((ObjectNode) node).objectNode();
            Iterator<Map.Entry<String, JsonNode>> members = node.fields();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                resolved.set(member.getKey(), resolve(field + "." + member.getKey(), member.getValue(), results));
            }
            return resolved;
        }
        if (node.isArray()) {
            ArrayNode resolved = ((ArrayNode) node).arrayNode();
            for (int i = 0; i < node.size(); i++) {
                resolved.add(resolve(field + "[" + i + "]", node.get(i), results));
            }
            return resolved;
        }
        return node;
    }

    /** The pointer {@code text} compiles to, or null when it is not one. */
    private static JsonPointer pointer(String text) {
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
