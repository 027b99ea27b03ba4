package dev.flotilla.notification.template;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flotilla.common.db.Db;
import dev.flotilla.notification.event.EventTypes;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Renders an event for a channel: with the tenant's template that applies to its type and the
 * recipient's locale ({@link TemplateChoice}), or the built-in one. Rendering never fails a
 * delivery: a template that fails to render is passed over for the next that applies, and in the
 * end for the built-in one, with a warning in the log. Parsed templates are kept by id and
 * version, so a change on any replica is picked up by the next render.
 */
@ApplicationScoped
public class TemplateRenderer {

    private static final Logger LOG = Logger.getLogger(TemplateRenderer.class);
    private static final int CACHED_TEMPLATES = 10_000;

    private record Key(UUID id, int version) {
    }

    private final Db db;
    private final TemplateCompiler compiler;
    private final Cache<Key, Map<Part, Template>> parsed = Caffeine.newBuilder().maximumSize(CACHED_TEMPLATES).build();
    private final Map<String, Map<Part, Template>> builtIn;

    public TemplateRenderer(Db db, TemplateCompiler compiler) {
        this.db = db;
        this.compiler = compiler;
        this.builtIn = Map.of(Part.INBOX, compiler.compile("", BuiltInTemplates.of(Part.INBOX)),
                Part.EMAIL, compiler.compile("", BuiltInTemplates.of(Part.EMAIL)));
    }

    /**
     * The event rendered for {@code channel} ({@code inbox} or {@code email}) in {@code locale}
     * (BCP 47, the recipient's; null for the default), with its {@code subject} and {@code data}.
     */
    public Uni<Rendered> render(UUID tenant, String eventType, String channel, String locale, String subject,
            JsonObject data) {
        return render(db.pool(), tenant, eventType, channel, locale, subject, data);
    }

    /** {@link #render(UUID, String, String, String, String, JsonObject)} reading with {@code client}, e.g. in a transaction. */
    public Uni<Rendered> render(SqlClient client, UUID tenant, String eventType, String channel, String locale,
            String subject, JsonObject data) {
        if (!EventTypes.isType(eventType)) {
            throw new IllegalArgumentException("not an event type: " + eventType);
        }
        if (!builtIn.containsKey(channel)) {
            throw new IllegalArgumentException("no templates for channel " + channel + " (digests: DigestRenderer)");
        }
        List<String> locales = Locales.chain(locale);
        return TemplateSql.candidates(client, tenant, channel, EventTypes.patternsSelecting(eventType).toArray(String[]::new),
                locales.toArray(String[]::new))
                .chain(candidates -> firstRendering(TemplateChoice.ordered(candidates, eventType, locales), 0, channel,
                        eventType, subject, data));
    }

    /** The parsed parts of {@code view}, from the cache when this version was parsed before. */
    Map<Part, Template> parsed(TemplateView view) {
        return parsed.get(new Key(view.id(), view.version()), key -> compiler.compile("", view.sources()));
    }

    /** Keeps parts just parsed for a saved version, so the first render does not parse them again. */
    void remember(TemplateView view, Map<Part, Template> parts) {
        parsed.put(new Key(view.id(), view.version()), parts);
    }

    private Uni<Rendered> firstRendering(List<TemplateView> views, int index, String channel, String eventType,
            String subject, JsonObject data) {
        if (index == views.size()) {
            return compiler.render(builtIn.get(channel), new RenderContext(eventType, subject, data, Locales.DEFAULT))
                    .map(rendered -> Rendered.of(null, Locales.DEFAULT, rendered));
        }
        TemplateView view = views.get(index);
        // The type rendered is the event's, not the template's pattern.
        RenderContext context = new RenderContext(eventType, subject, data, view.locale());
        return Uni.createFrom().item(() -> parsed(view))
                .chain(parts -> compiler.render(parts, context))
                .map(rendered -> Rendered.of(view.id(), view.locale(), rendered))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Template %s (%s %s %s) did not render an event of type %s, falling back: %s", view.id(),
                            channel, view.eventType(), view.locale(), eventType, failure.getMessage());
                    return firstRendering(views, index + 1, channel, eventType, subject, data);
                });
    }
}
