package dev.flotilla.config.settings;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueSchemasTest {

    private static final String FONT = """
            {"type": "object", "properties": {"size": {"type": "integer", "minimum": 6}}, "required": ["size"]}""";

    @Test
    void aValueThatSatisfiesTheSchemaPasses() {
        ValueSchemas.requireUsable(FONT);
        assertDoesNotThrow(() -> ValueSchemas.requireValid(FONT, "font", "{\"size\": 12}"));
    }

    @Test
    void aValueThatBreaksTheSchemaIsUnprocessableNamingWhere() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> ValueSchemas.requireValid(FONT, "font", "{\"size\": 2}"));
        assertEquals(ProblemType.UNPROCESSABLE, refused.type());
        assertEquals("font/size", refused.errors().get(0).field());
    }

    @Test
    void aSchemaTheMetaSchemaRefusesIsUnprocessable() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> ValueSchemas.requireUsable("{\"type\": \"text\"}"));
        assertEquals(ProblemType.UNPROCESSABLE, refused.type());
    }

    @Test
    void anEarlierDraftNamedBySchemaIsUsable() {
        String draft7 = "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"string\", \"maxLength\": 3}";
        ValueSchemas.requireUsable(draft7);
        assertThrows(ProblemException.class, () -> ValueSchemas.requireValid(draft7, "v", "\"long\""));
    }

    @Test
    void anUnknownDialectIsUnprocessable() {
        assertThrows(ProblemException.class, () -> ValueSchemas.requireUsable("{\"$schema\": \"https://example.com/mine\"}"));
    }

    @Test
    void aReferenceElsewhereNeverReachesTheNetwork() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String schema = "{\"$ref\": \"http://127.0.0.1:" + server.getLocalPort() + "/font.json\"}";
            ProblemException refused = assertThrows(ProblemException.class, () -> ValueSchemas.requireUsable(schema));
            assertEquals(ProblemType.UNPROCESSABLE, refused.type());
            server.setSoTimeout(1);
            assertThrows(SocketTimeoutException.class, server::accept, "the schema's reference was fetched");
        }
    }

    @Test
    void aPatternThatBacktracksWithoutEndIsStoppedAndTheValueRefused() {
        String schema = "{\"type\": \"string\", \"pattern\": \"^(.*a){12}$\"}";
        ValueSchemas.requireUsable(schema);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> ValueSchemas.requireValid(schema, "v", "\"" + "a".repeat(60) + "b\""));
        assertEquals(ProblemType.UNPROCESSABLE, refused.type());
        assertTrue(refused.getMessage().contains("could not be checked"), refused.getMessage());
    }

    @Test
    void aSchemaThatRefersToItselfValidatesRecursively() {
        String tree = """
                {"type": "object", "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#"}}}}""";
        ValueSchemas.requireUsable(tree);
        assertDoesNotThrow(() -> ValueSchemas.requireValid(tree, "v", "{\"name\": \"a\", \"children\": [{\"name\": \"b\"}]}"));
        assertThrows(ProblemException.class,
                () -> ValueSchemas.requireValid(tree, "v", "{\"name\": \"a\", \"children\": [{\"name\": 5}]}"));
    }

    @Test
    void aSchemaThatRefersToItselfWithoutEndIsUnprocessable() {
        ProblemException refused = assertThrows(ProblemException.class, () -> ValueSchemas.requireUsable("{\"$ref\": \"#\"}"));
        assertEquals(ProblemType.UNPROCESSABLE, refused.type());
    }
}
