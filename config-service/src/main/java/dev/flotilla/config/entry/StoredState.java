package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.config.secret.Sealed;

import java.util.Base64;

/**
 * An entry as stored, in its row and in the revisions that wrote or replaced it: a secret's value only sealed. As JSON
 * (a revision's before and after): {@code {type, value | secret + keyId + sealed (base64), schema, description}}.
 */
public record StoredState(EntryType type, JsonNode value, Sealed sealed, JsonNode schema, String description) {

    public boolean secret() {
        return sealed != null;
    }

    public String toJson() {
        ObjectNode node = EntryJson.mapper().createObjectNode();
        node.put("type", type.wire());
        if (sealed == null) {
            node.set("value", value);
        } else {
            node.put("secret", true);
            node.put("keyId", sealed.keyId());
            node.put("sealed", Base64.getEncoder().encodeToString(sealed.bytes()));
        }
        if (schema != null) {
            node.set("schema", schema);
        }
        if (description != null) {
            node.put("description", description);
        }
        return node.toString();
    }

    /** The state written by {@link #toJson()}, or null for null (no entry). */
    public static StoredState fromJson(String text) {
        JsonNode node = EntryJson.read(text);
        if (node == null || node.isNull()) {
            return null;
        }
        EntryType type = EntryType.parse("type", node.path("type").asText());
        Sealed sealed = node.path("secret").asBoolean(false)
                ? new Sealed(node.path("keyId").asText(), Base64.getDecoder().decode(node.path("sealed").asText()))
                : null;
        JsonNode schema = node.get("schema");
        JsonNode description = node.get("description");
        return new StoredState(type, sealed == null ? node.get("value") : null, sealed, schema,
                description == null ? null : description.asText());
    }
}
