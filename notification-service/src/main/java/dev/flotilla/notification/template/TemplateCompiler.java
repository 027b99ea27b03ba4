package dev.flotilla.notification.template;

import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.ParserError;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.Results;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parses and renders templates with Qute. Parsing happens when a template is saved: a part that
 * does not parse, or uses what {@link TemplateSafety} refuses, is a 422 naming the part and the
 * line. Rendering is lenient, unlike Qute's default strict rendering: a value the data lacks
 * renders as nothing, so an event without some field still gets its message (previews list such
 * references, {@link MissingData}).
 */
@ApplicationScoped
public class TemplateCompiler {

    /** The longest a rendered body, HTML or text part may be, in characters. */
    static final int MAX_OUTPUT = 256 * 1024;
    /** The longest a rendered title or subject may be; longer ones are cut. */
    static final int MAX_LINE = 300;

    private final Engine engine;

    /**
     * An engine of its own for tenants' templates, built of the application's: its section
     * helpers for {@link TemplateSafety#SECTIONS} only (any other section does not parse), its
     * value resolvers but reflection (templates reach only JSON data, text and numbers), its result
     * mappers (the HTML escaper), no namespaces, and lenient rendering.
     */
    public TemplateCompiler(Engine application) {
        EngineBuilder builder = Engine.builder()
                .strictRendering(false)
                .removeStandaloneLines(application.removeStandaloneLines())
                .timeout(application.getTimeout())
                .addResultMapper(new NotFoundAsNothing());
        TemplateSafety.SECTIONS
                .forEach(section -> builder.addSectionHelper(section, application.getSectionHelperFactory(section)));
        application.getValueResolvers().stream()
                .filter(resolver -> !(resolver instanceof ReflectionValueResolver))
                .forEach(builder::addValueResolver);
        application.getResultMappers().forEach(builder::addResultMapper);
        this.engine = builder.build();
    }

    /**
     * Each part of {@code sources} parsed, or a 422 listing every part (as {@code prefix} + its
     * name) that does not parse or uses what templates may not.
     */
    Map<Part, Template> compile(String prefix, Map<Part, String> sources) {
        Map<Part, Template> compiled = new EnumMap<>(Part.class);
        List<Problem.FieldError> errors = new ArrayList<>();
        sources.forEach((part, source) -> {
            String field = prefix + part.field();
            try {
                Template template = engine.parse(source, part.variant(), part.field());
                TemplateSafety.violations(template).forEach(
                        violation -> errors
                                .add(new Problem.FieldError(field, "line " + violation.line() + ": " + violation.message())));
                compiled.put(part, template);
            } catch (TemplateException e) {
                errors.add(new Problem.FieldError(field, describe(e)));
            }
        });
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")),
                    errors);
        }
        return compiled;
    }

    /** Every part rendered; a part that fails, or renders too much, fails the whole with a 422 naming it. */
    Uni<Map<Part, String>> render(Map<Part, Template> parts, RenderContext context) {
        List<Part> order = new ArrayList<>(parts.keySet());
        List<Uni<String>> rendered = order.stream().map(part -> render(part, parts.get(part), context)).toList();
        return Uni.join().all(rendered).andFailFast().map(texts -> {
            Map<Part, String> result = new EnumMap<>(Part.class);
            for (int i = 0; i < order.size(); i++) {
                result.put(order.get(i), texts.get(i));
            }
            return result;
        });
    }

    private Uni<String> render(Part part, Template template, RenderContext context) {
        return Uni.createFrom()
                .completionStage(() -> template.instance()
                        .data("type", context.type())
                        .data("subject", context.subject())
                        .data("data", context.data())
                        .data("fields", context.fields())
                        .data("events", context.events())
                        .data("count", context.count())
                        .data("more", context.more())
                        .setLocale(context.javaLocale())
                        .renderAsync())
                .onFailure().transform(failure -> unprocessable(part, failure instanceof TemplateException e
                        ? describe(e)
                        : "does not render (" + failure.getMessage() + ")"))
                .map(text -> finish(part, text));
    }

    private static String finish(Part part, String text) {
        if (part.singleLine()) {
            String line = text.replaceAll("\\s+", " ").strip();
            if (line.length() <= MAX_LINE) {
                return line;
            }
            int cut = Character.isHighSurrogate(line.charAt(MAX_LINE - 1)) ? MAX_LINE - 1 : MAX_LINE;
            return line.substring(0, cut);
        }
        if (text.length() > MAX_OUTPUT) {
            throw unprocessable(part, "renders more than " + MAX_OUTPUT + " characters");
        }
        return text.strip();
    }

    private static ProblemException unprocessable(Part part, String message) {
        return new ProblemException(ProblemType.UNPROCESSABLE, part.field() + ": " + message,
                List.of(new Problem.FieldError(part.field(), message)));
    }

    /** "line n: what" of a Qute error, without the "Parser error in template [id:line]" Qute puts in front. */
    private static String describe(TemplateException e) {
        String reason = e.getMessage() == null ? "is not a valid template" : e.getMessage();
        for (String prefix : List.of("Parser error", "Rendering error")) {
            if (reason.startsWith(prefix + " in template [") && reason.indexOf("]: ") > 0) {
                reason = reason.substring(reason.indexOf("]: ") + 3);
            } else if (reason.startsWith(prefix + ": ")) {
                reason = reason.substring(prefix.length() + 2);
            }
        }
        if (e.getCode() == ParserError.NO_SECTION_HELPER_FOUND) {
            reason += " (templates may use " + TemplateSafety.SECTIONS.stream().sorted().map(name -> "{#" + name + "}")
                    .collect(Collectors.joining(", ")) + ")";
        }
        TemplateNode.Origin origin = e.getOrigin();
        return origin == null ? reason : "line " + origin.getLine() + ": " + reason;
    }

    /** A value the data lacks renders as nothing, rather than Qute's {@code NOT_FOUND} text. */
    private static final class NotFoundAsNothing implements ResultMapper {

        @Override
        public int getPriority() {
            // Before the application's mappers: the HTML escaper would escape the NOT_FOUND text.
            return 1000;
        }

        @Override
        public boolean appliesTo(TemplateNode.Origin origin, Object result) {
            return Results.isNotFound(result);
        }

        @Override
        public String map(Object result, Expression expression) {
            return "";
        }
    }
}
