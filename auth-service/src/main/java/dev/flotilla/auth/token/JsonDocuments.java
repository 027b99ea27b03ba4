package dev.flotilla.auth.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Small JSON objects written with Jackson's streaming generator, for the documents on the busiest
 * paths (token claims and headers, token pairs): the same encoding and escaping as data binding,
 * without its serializer look-ups and reflective property reads.
 */
final class JsonDocuments {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes the members of one JSON object. */
    @FunctionalInterface
    interface Members {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonDocuments() {
    }

    /** The UTF-8 bytes of the JSON object whose members {@code members} writes. */
    static byte[] write(int expectedSize, Members members) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(expectedSize);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            members.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
