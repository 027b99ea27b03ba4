package dev.flotilla.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.flotilla.common.error.ExplainedToClients;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A JSON string or object key that contains U+0000, which PostgreSQL cannot store in
 * {@code text} or {@code jsonb}. Its path is where the parser was, plus the position inside a
 * value read whole (a tree or an untyped map), so it names the field however deeply the value
 * was nested; Jackson's own path-building while unwinding is ignored, as it would repeat it.
 *
 * <p>
 * A subclass of {@link InvalidFormatException}, so the shared problem mappers answer it with a
 * 400 {@code validation-failed} problem naming the field, and code that reads JSON itself (an
 * NDJSON import) can report it per line with {@link #field()} and {@link #MESSAGE}.
 */
public final class NulCharacterException extends InvalidFormatException implements ExplainedToClients {

    /** Why the value is refused, in the API's words. */
    public static final String MESSAGE = "must not contain the character U+0000";

    private static final int SHOWN_CHARACTERS = 40;

    /**
     * The refusal of {@code text}, read by {@code parser}: its path is the parser's position,
     * followed by {@code pathInsideValue} (names and indexes) when the value was read whole.
     */
    public NulCharacterException(JsonParser parser, String text, List<Object> pathInsideValue) {
        super(parser, MESSAGE, shown(text), String.class);
        Deque<Reference> path = new ArrayDeque<>();
        for (JsonStreamContext context = parser == null ? null : parser.getParsingContext(); context != null; context = context
                .getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                path.addFirst(new Reference(null, context.getCurrentName()));
            } else if (context.inArray()) {
                path.addFirst(new Reference(null, Math.max(context.getCurrentIndex(), 0)));
            }
        }
        for (Object step : pathInsideValue) {
            path.addLast(step instanceof Integer index ? new Reference(null, index) : new Reference(null, (String) step));
        }
        path.descendingIterator().forEachRemaining(super::prependPath);
    }

    @Override
    public void prependPath(Reference reference) {
        // The path is complete from the start (see the class comment).
    }

    /** The refused value's JSON path, e.g. {@code items[2].name}; empty for a bare string body. */
    public String field() {
        StringBuilder field = new StringBuilder();
        for (Reference reference : getPath()) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    @Override
    public String getMessage() {
        String field = field();
        return field.isEmpty() ? MESSAGE : field + ": " + MESSAGE;
    }

    /** The value as a client may see it again: the NUL spelled out, a long value cut short. */
    private static String shown(String text) {
        String escaped = text.replace("\u0000", "\\u0000");
        return escaped.length() <= SHOWN_CHARACTERS ? escaped : escaped.substring(0, SHOWN_CHARACTERS) + "...";
    }

    @Override
    public String explanation() {
        return MESSAGE;
    }
}
