package dev.flotilla.config.entry;

import com.networknt.schema.Schema;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EntrySchemasTest {

    private static Schema schema(String json) {
        return EntrySchemas.compile(EntryJson.read(json));
    }

    private static Unprocessable refusal(String schema, String value) {
        return assertThrows(Unprocessable.class, () -> EntrySchemas.requireSatisfied(schema(schema), EntryJson.read(value)));
    }

    @Test
    void aValueTheSchemaAcceptsPasses() {
        assertDoesNotThrow(() -> EntrySchemas.requireSatisfied(schema("{\"type\":\"integer\",\"minimum\":1}"),
                EntryJson.read("8080")));
    }

    @Test
    void aViolationNamesTheValueAndWhereInItTheSchemaFails() {
        Unprocessable failure = refusal("{\"properties\":{\"port\":{\"maximum\":65535}}}", "{\"port\":70000}");
        assertEquals("value", failure.errors().get(0).field());
        assertThat(failure.getMessage(), containsString("/port: must have a maximum value of 65535"));
    }

    @Test
    void aSchemaThatIsNotOneIsRefusedNamingTheSchema() {
        for (String bad : new String[] { "{\"type\":\"nonsense\"}", "{\"minimum\":\"x\"}", "[1]", "\"string\"",
                "{\"pattern\":\"[\"}", "{\"$schema\":\"https://example.com/no-such-dialect\"}" }) {
            Unprocessable failure = assertThrows(Unprocessable.class, () -> schema(bad), bad);
            assertEquals("schema", failure.errors().get(0).field(), bad);
        }
    }

    @Test
    void anEarlierDraftNamedBySchemaIsHonoured() {
        Schema draft7 = schema("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"string\",\"maxLength\":2}");
        assertThrows(Unprocessable.class, () -> EntrySchemas.requireSatisfied(draft7, EntryJson.read("\"abc\"")));
    }

    @Test
    void referencesWithinTheSchemaResolve() {
        Schema schema = schema("{\"$defs\":{\"port\":{\"type\":\"integer\"}},\"$ref\":\"#/$defs/port\"}");
        assertThrows(Unprocessable.class, () -> EntrySchemas.requireSatisfied(schema, EntryJson.read("\"x\"")));
    }

    @Test
    void referencesOutsideTheSchemaAreNeverLoaded() {
        for (String outside : new String[] { "{\"$ref\":\"file:///etc/hostname\"}",
                "{\"$ref\":\"http://127.0.0.1:9/schema.json\"}", "{\"$schema\":\"file:///etc/hostname\"}" }) {
            Unprocessable failure = assertThrows(Unprocessable.class, () -> schema(outside), outside);
            assertEquals("schema", failure.errors().get(0).field());
        }
    }
}
