package dev.flotilla.task.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** References of a workflow task's payload to its dependencies' results: checked at creation, resolved on release. */
class PayloadReferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aReferenceAnywhereInThePayloadResolvesToThePartItsPointerNames() throws Exception {
        JsonNode payload = json("{'batch': [{'docs': {'$from': 'fetch', 'path': '/items'}}], 'all': {'$from': 'fetch'},"
                + " 'odd': {'$from': 'fetch', 'path': '/a~1b'}}");
        JsonNode result = json("{'items': [1, 2], 'a/b': true}");
        assertEquals(json("{'batch': [{'docs': [1, 2]}], 'all': {'items': [1, 2], 'a/b': true}, 'odd': true}"),
                PayloadReferences.resolve(payload, Map.of("fetch", result)));
    }

    @Test
    void aPointerToNothingIsUnresolvableAndSaysWhere() throws Exception {
        var refusal = assertThrows(PayloadReferences.Unresolvable.class, () -> PayloadReferences
                .resolve(json("{'docs': [{'$from': 'fetch', 'path': '/pages/0'}]}"), Map.of("fetch", json("{'pages': []}"))));
        assertEquals("payload.docs[0]: the result of 'fetch' has nothing at /pages/0", refusal.getMessage());
    }

    @Test
    void aReferenceMustNameADirectDependencyAndAPointer() throws Exception {
        var errors = PayloadReferences.check("tasks[1].payload",
                json("{'a': {'$from': 'ghost'}, 'b': {'$from': 'fetch', 'path': 'items'}, 'c': {'$from': 'fetch', 'x': 1}}"),
                Set.of("fetch"));
        assertEquals(Set.of("tasks[1].payload.a.$from", "tasks[1].payload.b.path", "tasks[1].payload.c.x"),
                Set.copyOf(errors.stream().map(error -> error.field()).toList()));
    }

    @Test
    void aPayloadWithoutReferencesHasNone() throws Exception {
        assertFalse(PayloadReferences.present(json("{'from': 'fetch', 'list': [1, {'path': '/x'}]}")));
        assertTrue(PayloadReferences.present(json("{'list': [1, {'$from': 'fetch'}]}")));
    }
}
