package dev.flotilla.notification.template;

import dev.flotilla.common.db.Db;
import dev.flotilla.notification.event.EventTypes;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a digest e-mail: each event's summary line (the subject its own e-mail template gives it, in the
 * recipient's locale), then the list of them with the tenant's {@code digest} template for the rule's pattern and the
 * locale ({@link TemplateChoice}), or the built-in one of the locale's language. Like {@link TemplateRenderer}, it
 * never fails for a template: one that fails to render is passed over for the next that applies, in the end for the
 * built-in one.
 */
@ApplicationScoped
public class DigestRenderer {

    /** The most events a digest lists by their summary; the others it counts. */
    static final int LISTED = 200;

    private static final Logger LOG = Logger.getLogger(DigestRenderer.class);

    private final Db db;
    private final TemplateCompiler compiler;
    private final TemplateRenderer renderer;
    private final Map<String, Map<Part, Template>> builtIn = new HashMap<>();
    private final Map<Part, Template> builtInSummary;

    public DigestRenderer(Db db, TemplateCompiler compiler, TemplateRenderer renderer) {
        this.db = db;
        this.compiler = compiler;
        this.renderer = renderer;
        BuiltInTemplates.DIGEST_LOCALES
                .forEach(locale -> builtIn.put(locale, compiler.compile("", BuiltInTemplates.digest(locale))));
        this.builtInSummary = Map.of(Part.SUBJECT, compiler.compile("", BuiltInTemplates.of(Part.EMAIL)).get(Part.SUBJECT));
    }

    /**
     * The digest of {@code entries} (the window's events, in order; the first {@link #LISTED} are listed) for the rule of
     * {@code pattern}, in {@code locale} (BCP 47, the recipient's; null for the default).
     */
    public Uni<Rendered> render(UUID tenant, String pattern, String locale, List<DigestEntry> entries) {
        if (!EventTypes.isPattern(pattern)) {
            throw new IllegalArgumentException("not an event type pattern: " + pattern);
        }
        List<String> locales = Locales.chain(locale);
        List<String> patterns = TemplateChoice.patternsCovering(pattern);
        List<DigestEntry> listed = entries.subList(0, Math.min(LISTED, entries.size()));
        return summaries(tenant, listed, locales)
                .chain(events -> TemplateSql.candidates(db.pool(), tenant, Part.DIGEST, patterns.toArray(String[]::new),
                        locales.toArray(String[]::new))
                        .chain(candidates -> firstRendering(TemplateChoice.ordered(candidates, locales, patterns), 0, pattern,
                                locales, events, entries.size())));
    }

    /** What a digest template sees, the window's events listed as {@code events}. */
    static RenderContext context(String pattern, String locale, List<JsonObject> events, int count) {
        return new RenderContext(pattern, null, new JsonObject(), locale, events, count);
    }

    /** An event as a digest template lists it. */
    static JsonObject listed(DigestEntry entry, String summary) {
        return new JsonObject().put("type", entry.type()).put("subject", entry.subject()).put("summary", summary)
                .put("at", entry.at() == null ? null : entry.at().toString())
                .put("data", entry.data() == null ? new JsonObject() : entry.data());
    }

    private Uni<List<JsonObject>> summaries(UUID tenant, List<DigestEntry> entries, List<String> locales) {
        List<String> types = List.copyOf(new LinkedHashSet<>(entries.stream().map(DigestEntry::type).toList()));
        // One query per type in the window, not per event.
        return Multi.createFrom().iterable(types)
                .onItem().transformToUniAndConcatenate(type -> TemplateSql.candidates(db.pool(), tenant, Part.EMAIL,
                        EventTypes.patternsSelecting(type).toArray(String[]::new), locales.toArray(String[]::new))
                        .map(candidates -> Map.entry(type, TemplateChoice.ordered(candidates, type, locales))))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue)
                .chain(views -> Multi.createFrom().iterable(entries)
                        .onItem().transformToUniAndConcatenate(entry -> summary(views.get(entry.type()), 0, entry)
                                .map(summary -> listed(entry, summary)))
                        .collect().asList());
    }

    /** The entry's e-mail subject with the first of {@code views} that renders it, or the built-in one. */
    private Uni<String> summary(List<TemplateView> views, int index, DigestEntry entry) {
        if (index == views.size()) {
            return compiler.render(builtInSummary, new RenderContext(entry.type(), entry.subject(), entry.data(),
                    Locales.DEFAULT)).map(parts -> parts.get(Part.SUBJECT));
        }
        TemplateView view = views.get(index);
        return Uni.createFrom().item(() -> Map.of(Part.SUBJECT, renderer.parsed(view).get(Part.SUBJECT)))
                .chain(parts -> compiler.render(parts, new RenderContext(entry.type(), entry.subject(), entry.data(),
                        view.locale())))
                .map(parts -> parts.get(Part.SUBJECT))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Template %s (email %s %s) did not render the subject of an event of type %s in a digest, "
                            + "falling back: %s", view.id(), view.eventType(), view.locale(), entry.type(),
                            failure.getMessage());
                    return summary(views, index + 1, entry);
                });
    }

    private Uni<Rendered> firstRendering(List<TemplateView> views, int index, String pattern, List<String> locales,
            List<JsonObject> events, int count) {
        if (index == views.size()) {
            String locale = locales.stream().filter(BuiltInTemplates.DIGEST_LOCALES::contains).findFirst()
                    .orElse(Locales.DEFAULT);
            return compiler.render(builtIn.get(locale), context(pattern, locale, events, count))
                    .map(rendered -> Rendered.of(null, locale, rendered));
        }
        TemplateView view = views.get(index);
        return Uni.createFrom().item(() -> renderer.parsed(view))
                .chain(parts -> compiler.render(parts, context(pattern, view.locale(), events, count)))
                .map(rendered -> Rendered.of(view.id(), view.locale(), rendered))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Template %s (digest %s %s) did not render a digest of %s, falling back: %s", view.id(),
                            view.eventType(), view.locale(), pattern, failure.getMessage());
                    return firstRendering(views, index + 1, pattern, locales, events, count);
                });
    }
}
