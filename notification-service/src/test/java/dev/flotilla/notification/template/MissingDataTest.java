package dev.flotilla.notification.template;

import io.quarkus.qute.Engine;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MissingDataTest {

    private static final Engine ENGINE = Engine.builder().addDefaults().build();

    private static List<String> missing(String source, String data) {
        return MissingData.of(ENGINE.parse(source), new JsonObject(data));
    }

    @Test
    void aReferenceToAbsentDataIsReportedAtItsFirstAbsentStep() {
        assertEquals(List.of("data.task", "data.owner.email"),
                missing("{data.task.name} {data.owner.name} {data.owner.email}", "{\"owner\": {\"name\": \"Ada\"}}"));
    }

    @Test
    void optionalReferencesAreNotReported() {
        assertEquals(List.of(), missing("{#if data.note}{data.note.or('')}{/if} {data.who ?: 'someone'} {data.x??}", "{}"));
    }

    @Test
    void otherNamesAndMethodsAreNotJudged() {
        assertEquals(List.of(), missing("{type} {#for f in fields}{f.name}{/for} {data.items.size} {data.name.toUpperCase}",
                "{\"name\": \"x\", \"items\": []}"));
    }
}
