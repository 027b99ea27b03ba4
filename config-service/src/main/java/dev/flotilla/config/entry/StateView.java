package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * An entry's content in an answer. A secret is masked ({@code "value": "******"}, {@code masked: true}, no schema,
 * which could list the possible values) unless the reader may see secrets.
 */
public record StateView(String type, JsonNode value, boolean secret, boolean masked, JsonNode schema, String description) {

    public static final JsonNode MASK = TextNode.valueOf("******");

    public static StateView revealed(EntryContent content) {
        return content == null ? null
                : new StateView(content.type().wire(), content.value(), content.secret(), false, content.schema(),
                        content.description());
    }

    public static StateView masked(StoredState state) {
        return new StateView(state.type().wire(), MASK, true, true, null, state.description());
    }

    /** {@code content} as a reader sees it: masked when it is a secret and the reader may not see secrets. */
    public static StateView of(EntryContent content, boolean reveal) {
        if (content != null && content.secret() && !reveal) {
            return new StateView(content.type().wire(), MASK, true, true, null, content.description());
        }
        return revealed(content);
    }
}
