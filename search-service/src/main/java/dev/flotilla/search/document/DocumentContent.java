package dev.flotilla.search.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.common.error.BadRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A checked, normalised document ready for indexing: absent text is empty, absent tags and metadata are empty. */
public record DocumentContent(String id, String title, String body, List<String> tags, ObjectNode metadata, String source) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@~=+-]{0,199}");
    private static final Set<String> RESERVED = Set.of("import", "export");
    private static final int MAX_TITLE = 2000;
    private static final int MAX_TAGS = 100;
    private static final int MAX_TAG = 200;
    private static final int MAX_METADATA = 65536;
    private static final int MAX_SOURCE = 4000;
    /** The message for a JSON number a double cannot hold. */
    public static final String OUT_OF_RANGE = "the number is out of range";

    public static DocumentContent of(String id, DocumentInput input, int maxBodyLength) {
        requireId(id);
        if (input == null) {
            throw new BadRequest("body", "a document is required");
        }
        String title = input.title() == null ? "" : input.title();
        String body = input.body() == null ? "" : input.body();
        if (title.length() > MAX_TITLE) {
            throw new BadRequest("title", "must be at most " + MAX_TITLE + " characters");
        }
        if (body.length() > maxBodyLength) {
            throw new BadRequest("body", "must be at most " + maxBodyLength + " characters");
        }
        if (title.isBlank() && body.isBlank()) {
            throw new BadRequest("body", "a document needs a title or a body");
        }
        List<String> tags = new ArrayList<>();
        if (input.tags() != null) {
            Set<String> seen = new LinkedHashSet<>();
            for (String tag : input.tags()) {
                if (tag == null || tag.isBlank()) {
                    throw new BadRequest("tags", "must not contain empty tags");
                }
                if (tag.length() > MAX_TAG) {
                    throw new BadRequest("tags", "a tag must be at most " + MAX_TAG + " characters");
                }
                seen.add(tag);
            }
            if (seen.size() > MAX_TAGS) {
                throw new BadRequest("tags", "at most " + MAX_TAGS + " tags");
            }
            tags.addAll(seen);
        }
        JsonNode metadata = input.metadata();
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw new BadRequest("metadata", "must be a JSON object");
        }
        ObjectNode object = metadata == null || metadata.isNull() ? JsonNodeFactory.instance.objectNode()
                : (ObjectNode) metadata;
        if (object.toString().length() > MAX_METADATA) {
            throw new BadRequest("metadata", "must be at most " + MAX_METADATA + " characters as JSON");
        }
        requireFiniteNumbers("metadata", object);
        if (input.source() != null && input.source().length() > MAX_SOURCE) {
            throw new BadRequest("source", "must be at most " + MAX_SOURCE + " characters");
        }
        return new DocumentContent(id, title, body, List.copyOf(tags), object, input.source());
    }

    /**
     * Refuses a number out of the range of a double (JSON allows {@code 1e309}; it is read as infinity,
     * which neither JSON nor PostgreSQL can store), naming the member that holds it.
     */
    private static void requireFiniteNumbers(String field, JsonNode value) {
        if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
            throw new BadRequest(field, OUT_OF_RANGE);
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(member -> requireFiniteNumbers(field + "." + member.getKey(), member.getValue()));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                requireFiniteNumbers(field + "[" + i + "]", value.get(i));
            }
        }
    }

    public static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches() || RESERVED.contains(id)) {
            throw new BadRequest("id",
                    "must be 1-200 characters of letters, digits and . _ : @ ~ = + -, starting with a letter "
                            + "or digit, and not 'import' or 'export'");
        }
    }
}
