package dev.flotilla.notification.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.runtime.jsonobject.JsonObjectValueResolver;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in digest templates, and which tenant templates a digest rule's pattern may take. */
class DigestTemplatesTest {

    private final TemplateCompiler compiler = new TemplateCompiler(Engine.builder().addDefaults()
            .addValueResolver(new JsonObjectValueResolver()).addValueResolver(new ReflectionValueResolver()).build());

    private Map<Part, String> builtIn(String locale, List<String> summaries, int count) {
        List<JsonObject> events = summaries.stream().map(summary -> DigestRenderer.listed(
                new DigestEntry("task.failed", "s", new JsonObject(), Instant.parse("2026-03-01T10:00:00Z")), summary))
                .toList();
        return compiler.render(compiler.compile("", BuiltInTemplates.digest(locale)),
                DigestRenderer.context("task.*", locale, events, count)).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void theBuiltInDigestListsEachSummaryAndCountsThem() {
        Map<Part, String> digest = builtIn("en", List.of("task.failed — resize", "task.failed — deploy"), 2);
        assertEquals("Digest: 2 notifications", digest.get(Part.SUBJECT));
        assertEquals("2 notifications\n\n- task.failed — resize\n- task.failed — deploy", digest.get(Part.TEXT));
        assertTrue(digest.get(Part.HTML).contains("<li>task.failed — resize</li>\n<li>task.failed — deploy</li>"),
                digest.get(Part.HTML));
        assertEquals("Digest: 1 notification", builtIn("en", List.of("one"), 1).get(Part.SUBJECT));
    }

    @Test
    void eventsBeyondThoseListedAreCounted() {
        Map<Part, String> digest = builtIn("en", List.of("first"), 250);
        assertEquals("Digest: 250 notifications", digest.get(Part.SUBJECT));
        assertTrue(digest.get(Part.TEXT).endsWith("- first\n… and 249 more"), digest.get(Part.TEXT));
    }

    @Test
    void everyLanguageOfTheBuiltInDigestRenders() {
        assertEquals(Set.of("en", "fr", "de", "es"), BuiltInTemplates.DIGEST_LOCALES);
        assertEquals("Résumé: 3 notifications", builtIn("fr", List.of("a"), 3).get(Part.SUBJECT));
        assertEquals("Zusammenfassung: 1 Benachrichtigung", builtIn("de", List.of("a"), 1).get(Part.SUBJECT));
        assertTrue(builtIn("es", List.of("a"), 2).get(Part.TEXT).startsWith("2 notificaciones"));
        assertTrue(builtIn("fr", List.of("a"), 2).get(Part.HTML).contains("<html lang=\"fr\">"));
    }

    @Test
    void aDigestRuleTakesTheTemplateOfTheMostSpecificPatternCoveringIt() {
        assertEquals(List.of("task.run.*", "task.*", "*"), TemplateChoice.patternsCovering("task.run.*"));
        assertEquals(List.of("task.*", "*"), TemplateChoice.patternsCovering("task.*"));
        assertEquals(List.of("task.failed", "task.*", "*"), TemplateChoice.patternsCovering("task.failed"));
        assertEquals(List.of("*"), TemplateChoice.patternsCovering("*"));
    }
}
