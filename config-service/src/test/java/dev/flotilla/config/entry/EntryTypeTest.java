package dev.flotilla.config.entry;

import dev.flotilla.common.error.BadRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntryTypeTest {

    @Test
    void eachTypeTakesItsOwnKindOfValue() {
        assertNull(EntryType.STRING.violation(EntryJson.read("\"x\"")));
        assertNull(EntryType.NUMBER.violation(EntryJson.read("-1.5e3")));
        assertNull(EntryType.NUMBER.violation(EntryJson.read("12345678901234567890123")));
        assertNull(EntryType.BOOLEAN.violation(EntryJson.read("false")));
        assertNull(EntryType.JSON.violation(EntryJson.read("{\"a\":[1,\"b\",null]}")));
        assertNull(EntryType.JSON.violation(EntryJson.read("\"a string is JSON too\"")));
    }

    @Test
    void aValueOfAnotherKindIsAViolationSayingWhatItIs() {
        assertEquals("must be a JSON string for an entry of type string, not a number",
                EntryType.STRING.violation(EntryJson.read("1")));
        assertEquals("must be a JSON number for an entry of type number, not a string",
                EntryType.NUMBER.violation(EntryJson.read("\"1\"")));
        assertEquals("must be a boolean for an entry of type boolean, not a string",
                EntryType.BOOLEAN.violation(EntryJson.read("\"true\"")));
        assertNotNull(EntryType.STRING.violation(EntryJson.read("{}")));
    }

    @Test
    void nullIsNoValueOfAnyType() {
        for (EntryType type : EntryType.values()) {
            assertNotNull(type.violation(null));
            assertNotNull(type.violation(EntryJson.read("null")));
        }
    }

    @Test
    void aNumberBeyondDoubleIsRefusedWhereverItIs() {
        com.fasterxml.jackson.databind.node.JsonNodeFactory nodes = EntryJson.mapper().getNodeFactory();
        assertNotNull(EntryType.NUMBER.violation(nodes.numberNode(Double.POSITIVE_INFINITY)));
        assertNotNull(EntryType.JSON.violation(nodes.arrayNode().add(nodes.objectNode().put("x", Double.NaN))));
    }

    @Test
    void typesAreNamedInLowerCaseAndAnUnknownOneIsABadRequest() {
        assertEquals(EntryType.JSON, EntryType.parse("type", "json"));
        BadRequest failure = assertThrows(BadRequest.class, () -> EntryType.parse("type", "integer"));
        assertTrue(failure.getMessage().contains("string, number, boolean, json"));
    }
}
