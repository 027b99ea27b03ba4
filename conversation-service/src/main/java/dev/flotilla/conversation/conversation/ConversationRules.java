package dev.flotilla.conversation.conversation;

import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.json.MergePatch;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Checks the fields of a conversation asked for, on create and under a merge patch: one 400 naming every bad field. */
final class ConversationRules {

    static final int MAX_TITLE = 500;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG = 100;
    static final int MAX_NAME = 200;
    static final int MAX_METADATA_BYTES = 16 * 1024;

    private static final Set<String> PATCHABLE = Set.of("title", "description", "tags", "status", "workspaceSessionId",
            "aiProvider", "model", "agentId", "metadata");

    private ConversationRules() {
    }

    static ConversationFields created(NewConversation request) {
        NewConversation r = request == null ? new NewConversation(null, null, null, null, null, null, null, null, null)
                : request;
        Errors errors = new Errors();
        ConversationFields fields = new ConversationFields(errors.text("title", r.title(), MAX_TITLE),
                errors.text("description", r.description(), MAX_DESCRIPTION), errors.tags(r.tags()),
                r.status() == null ? ConversationStatus.ACTIVE : errors.status(r.status()),
                errors.text("workspaceSessionId", r.workspaceSessionId(), MAX_NAME),
                errors.text("aiProvider", r.aiProvider(), MAX_NAME), errors.text("model", r.model(), MAX_NAME),
                r.agentId(), errors.metadata(r.metadata()));
        errors.throwIfAny();
        return fields;
    }

    /** The fields of {@code current} with the merge patch applied (RFC 7396), checked. */
    @SuppressWarnings("unchecked")
    static ConversationFields patched(Conversation current, Map<String, Object> patch) {
        if (patch == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON merge patch object is needed",
                    List.of(new Problem.FieldError("body", "must be a JSON object")));
        }
        Errors errors = new Errors();
        patch.keySet().stream().filter(name -> !PATCHABLE.contains(name)).sorted()
                .forEach(name -> errors.add(name, "is not a field of a conversation one may change"));
        errors.throwIfAny();
        Map<String, Object> merged = (Map<String, Object>) MergePatch.apply(editable(current), patch);
        Object status = merged.get("status");
        ConversationFields fields = new ConversationFields(
                errors.text("title", errors.string("title", merged.get("title")), MAX_TITLE),
                errors.text("description", errors.string("description", merged.get("description")), MAX_DESCRIPTION),
                errors.tags(errors.list("tags", merged.get("tags"))),
                status == null ? errors.missing("status") : errors.status(errors.string("status", status)),
                errors.text("workspaceSessionId", errors.string("workspaceSessionId", merged.get("workspaceSessionId")),
                        MAX_NAME),
                errors.text("aiProvider", errors.string("aiProvider", merged.get("aiProvider")), MAX_NAME),
                errors.text("model", errors.string("model", merged.get("model")), MAX_NAME),
                errors.uuid("agentId", merged.get("agentId")),
                errors.metadata(errors.object("metadata", merged.get("metadata"))));
        errors.throwIfAny();
        return fields;
    }

    /** The query's {@code status}: {@code ACTIVE} or {@code ARCHIVED} (deleted conversations are never listed). */
    static ConversationStatus listed(String status) {
        if (status == null) {
            return null;
        }
        Errors errors = new Errors();
        ConversationStatus parsed = errors.status(status);
        errors.throwIfAny();
        return parsed;
    }

    private static Map<String, Object> editable(Conversation c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", c.title());
        fields.put("description", c.description());
        fields.put("tags", c.tags());
        fields.put("status", c.status().name());
        fields.put("workspaceSessionId", c.workspaceSessionId());
        fields.put("aiProvider", c.aiProvider());
        fields.put("model", c.model());
        fields.put("agentId", c.agentId() == null ? null : c.agentId().toString());
        fields.put("metadata", c.metadata().getMap());
        fields.values().removeIf(value -> value == null);
        return fields;
    }

    /** The field errors found so far. */
    private static final class Errors {

        private final List<Problem.FieldError> found = new ArrayList<>();

        void add(String field, String message) {
            found.add(new Problem.FieldError(field, message));
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "The conversation is not valid: "
                        + found.get(0).field() + " " + found.get(0).message(), List.copyOf(found));
            }
        }

        String text(String field, String value, int max) {
            if (value != null && (value.isBlank() || value.length() > max)) {
                add(field, "must be 1 to " + max + " characters, or absent");
            }
            return value;
        }

        String string(String field, Object value) {
            if (value == null || value instanceof String) {
                return (String) value;
            }
            add(field, "must be a string");
            return null;
        }

        List<?> list(String field, Object value) {
            if (value == null || value instanceof List<?>) {
                return (List<?>) value;
            }
            add(field, "must be an array of strings");
            return null;
        }

        Map<?, ?> object(String field, Object value) {
            if (value == null || value instanceof Map<?, ?>) {
                return (Map<?, ?>) value;
            }
            add(field, "must be a JSON object");
            return null;
        }

        UUID uuid(String field, Object value) {
            if (value == null) {
                return null;
            }
            try {
                return UUID.fromString(value.toString());
            } catch (IllegalArgumentException e) {
                add(field, "must be a UUID");
                return null;
            }
        }

        ConversationStatus missing(String field) {
            add(field, "must be one of [ACTIVE, ARCHIVED]; DELETE a conversation to delete it");
            return null;
        }

        ConversationStatus status(String value) {
            if (value == null) {
                return null;
            }
            return Arrays.stream(ConversationStatus.values())
                    .filter(s -> s != ConversationStatus.DELETED && s.name().equalsIgnoreCase(value)).findFirst()
                    .orElseGet(() -> missing("status"));
        }

        List<String> tags(List<?> tags) {
            if (tags == null) {
                return List.of();
            }
            if (tags.size() > MAX_TAGS) {
                add("tags", "must be at most " + MAX_TAGS + " tags");
                return List.of();
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (Object tag : tags) {
                if (!(tag instanceof String text) || text.isBlank() || text.length() > MAX_TAG) {
                    add("tags", "must each be a string of 1 to " + MAX_TAG + " characters");
                    return List.of();
                }
                distinct.add(text);
            }
            return List.copyOf(distinct);
        }

        @SuppressWarnings("unchecked")
        JsonObject metadata(Map<?, ?> metadata) {
            JsonObject json = new JsonObject(metadata == null ? Map.of() : (Map<String, Object>) metadata);
            if (json.encode().length() > MAX_METADATA_BYTES) {
                add("metadata", "must be at most " + MAX_METADATA_BYTES + " bytes as JSON");
            }
            return json;
        }
    }
}
