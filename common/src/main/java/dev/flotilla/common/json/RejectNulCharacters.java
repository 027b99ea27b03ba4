package dev.flotilla.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;

/**
 * Makes the application's {@link ObjectMapper} refuse U+0000 in any string value or object key,
 * at any depth, with a {@link NulCharacterException} naming the field: PostgreSQL rejects the
 * character in {@code text} and {@code jsonb}, so a body that carried one would otherwise fail
 * with a 500 where it is stored. Every request body the REST layer reads goes through this
 * mapper, and so does any code that injects it (e.g. an NDJSON import reading line by line).
 *
 * <p>
 * Typed strings are checked as they are read (one {@code indexOf} each); values read whole
 * ({@link JsonNode} trees, {@code Object}, i.e. untyped maps and lists) are searched once after
 * they are read, for their keys too.
 */
@Singleton
public class RejectNulCharacters implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("flotilla-reject-nul-characters");
        module.addDeserializer(String.class, new Strings());
        module.addKeyDeserializer(String.class, new Keys());
        module.addDeserializer(JsonNode.class, wholeValues(JsonNodeDeserializer.getDeserializer(JsonNode.class)));
        module.addDeserializer(ObjectNode.class, wholeValues(JsonNodeDeserializer.getDeserializer(ObjectNode.class)));
        module.addDeserializer(ArrayNode.class, wholeValues(JsonNodeDeserializer.getDeserializer(ArrayNode.class)));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return description.getBeanClass() == Object.class ? new WholeValues(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    @SuppressWarnings("unchecked")
    private static <T> JsonDeserializer<T> wholeValues(JsonDeserializer<?> delegate) {
        return (JsonDeserializer<T>) new WholeValues(delegate);
    }

    /** String values: Jackson's own deserializer, then the check. */
    private static final class Strings extends StdScalarDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (NulCharacters.in(value)) {
                throw new NulCharacterException(parser, value, List.of());
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }
    }

    /** Keys of maps with {@code String} keys. */
    private static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (NulCharacters.in(key)) {
                throw new NulCharacterException(context.getParser(), key, List.of());
            }
            return key;
        }
    }

    /** Trees and untyped values: read by Jackson's deserializer, then searched. */
    private static final class WholeValues extends DelegatingDeserializer {

        WholeValues(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new WholeValues(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(parser, super.deserialize(parser, context));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue) throws IOException {
            return checked(parser, super.deserialize(parser, context, intoValue));
        }

        private static Object checked(JsonParser parser, Object value) throws NulCharacterException {
            List<Object> path = NulCharacters.pathOfFirst(value);
            if (path != null) {
                throw new NulCharacterException(parser, "...", path);
            }
            return value;
        }
    }
}
