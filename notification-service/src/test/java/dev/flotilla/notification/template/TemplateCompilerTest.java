package dev.flotilla.notification.template;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.runtime.jsonobject.JsonObjectValueResolver;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The templates' engine, built of a plain Qute engine with every default section and resolver, the resolver of JSON
 * objects and the reflection one, as the application's has.
 */
class TemplateCompilerTest {

    private final TemplateCompiler compiler = new TemplateCompiler(Engine.builder().addDefaults()
            .addValueResolver(new JsonObjectValueResolver()).addValueResolver(new ReflectionValueResolver()).build());

    private ProblemException refused(Map<Part, String> sources) {
        return assertThrows(ProblemException.class, () -> compiler.compile("", sources));
    }

    private String rendered(String source, JsonObject data) {
        Map<Part, Template> parts = compiler.compile("", Map.of(Part.BODY, source));
        return compiler.render(parts, new RenderContext("task.failed", "deploy", data, "en")).await()
                .atMost(Duration.ofSeconds(5)).get(Part.BODY);
    }

    @Test
    void everyPartThatDoesNotParseIsNamedWithItsLine() {
        ProblemException problem = refused(Map.of(Part.SUBJECT, "ok {data.x}", Part.HTML, "<p>\n{#if data.x}", Part.TEXT,
                "{data.y"));
        assertEquals(ProblemType.UNPROCESSABLE, problem.type());
        assertEquals(2, problem.errors().size());
        assertTrue(problem.errors().stream().anyMatch(e -> e.field().equals("html") && e.message().startsWith("line 2: ")),
                problem.getMessage());
        assertTrue(problem.errors().stream().anyMatch(e -> e.field().equals("text") && e.message().startsWith("line 1: ")),
                problem.getMessage());
    }

    @Test
    void aSectionOtherThanTheControlOnesDoesNotParse() {
        ProblemException problem = refused(Map.of(Part.HTML, "<p>x</p>\n{#include base /}"));
        assertTrue(problem.errors().get(0).message().startsWith("line 2: no section helper found for {#include"),
                problem.getMessage());
        assertTrue(problem.errors().get(0).message().contains("templates may use {#each}"), problem.getMessage());
        assertEquals("line 1: no section helper found for {#eval data.x /} (templates may use {#each}, {#for}, {#if}, "
                + "{#let}, {#set}, {#switch}, {#when}, {#with})",
                refused(Map.of(Part.TEXT, "{#eval data.x /}")).errors().get(0).message());
    }

    @Test
    void aNamespaceIsRefusedWhenSaved() {
        ProblemException problem = refused(Map.of(Part.TITLE, "{config:['quarkus.datasource.password']}"));
        assertEquals("title", problem.errors().get(0).field());
    }

    @Test
    void thePrefixNamesTheFieldOfADraft() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> compiler.compile("template.", Map.of(Part.TITLE, "{#if}")));
        assertEquals("template.title", problem.errors().get(0).field());
    }

    @Test
    void missingDataRendersAsNothingAtAnyDepth() {
        assertEquals("[] [] [deploy] [x]",
                rendered("[{data.task.name}] [{data.none}] [{subject}] [{data.x}]", new JsonObject().put("x", "x")));
    }

    @Test
    void reflectionDoesNotReachBeyondTheData() {
        assertEquals("[] []", rendered("[{data.name.bytes}] [{data.map}]", new JsonObject().put("name", "x")));
    }

    @Test
    void aMissingListLoopsOverNothingWhenMarkedOptional() {
        assertEquals("none", rendered("{#for i in data.items.orEmpty}{i}{#else}none{/for}", new JsonObject()));
    }

    @Test
    void aBodyThatRendersTooMuchFailsNamingThePart() {
        Map<Part, Template> parts = compiler.compile("", Map.of(Part.BODY, "{#for i in 1000}{data.x}{/for}"));
        JsonObject data = new JsonObject().put("x", "x".repeat(TemplateCompiler.MAX_OUTPUT / 1000 + 1));
        ProblemException problem = assertThrows(ProblemException.class,
                () -> compiler.render(parts, new RenderContext("t", null, data, "en")).await().atMost(Duration.ofSeconds(5)));
        assertEquals("body", problem.errors().get(0).field());
    }
}
