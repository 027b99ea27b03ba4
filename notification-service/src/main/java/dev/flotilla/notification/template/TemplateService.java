package dev.flotilla.notification.template;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.PreconditionFailed;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.common.request.Preconditions;
import dev.flotilla.notification.event.EventTypes;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's templates: saved only when every part parses and uses only what templates may
 * ({@link TemplateCompiler}), changed and deleted under an optional {@code If-Match}, previewed
 * with sample data saved or not, and rendered as a channel would.
 */
@ApplicationScoped
public class TemplateService {

    private final Db db;
    private final TemplateCompiler compiler;
    private final TemplateRenderer renderer;
    private final DigestRenderer digests;

    public TemplateService(Db db, TemplateCompiler compiler, TemplateRenderer renderer, DigestRenderer digests) {
        this.db = db;
        this.compiler = compiler;
        this.renderer = renderer;
        this.digests = digests;
    }

    public Uni<TemplateView> create(UUID tenant, String createdBy, SaveTemplate request) {
        String locale = locale("locale", request.locale());
        Map<Part, Template> parts = compile("", request);
        return db.statement(pool -> TemplateSql.insert(pool, Ids.next(), tenant, request.eventType(), request.channel(), locale,
                request, createdBy))
                .onFailure(SqlResults::isUniqueViolation).transform(e -> duplicate(request, locale))
                .invoke(view -> renderer.remember(view, parts));
    }

    public Uni<Page<TemplateView>> list(UUID tenant, String eventType, String channel, String locale, PageParams page) {
        if (eventType != null) {
            EventTypes.requirePattern("eventType", eventType);
        }
        if (channel != null) {
            requireChannel("channel", channel);
        }
        String canonical = locale == null ? null : Locales.require("locale", locale);
        UUID after = page.after() == null ? null : page.after().id();
        return TemplateSql.page(db.pool(), tenant, after, eventType, channel, canonical, page.limit() + 1)
                .map(views -> Page.fromOverfetch(views, page.limit(), view -> Cursor.of(view.id())));
    }

    public Uni<TemplateView> get(UUID tenant, UUID id) {
        return TemplateSql.find(db.pool(), tenant, id).onItem().ifNull().failWith(() -> new NotFound("template", id));
    }

    /** Replaces the template; with {@code ifMatch}, only while it is still the version the caller read. */
    public Uni<TemplateView> update(UUID tenant, UUID id, String ifMatch, SaveTemplate request) {
        String locale = locale("locale", request.locale());
        Map<Part, Template> parts = compile("", request);
        return get(tenant, id).chain(current -> {
            Preconditions.check(ifMatch, current.etag(), "template");
            return db.statement(pool -> TemplateSql.update(pool, tenant, id, current.version(), request.eventType(),
                    request.channel(), locale, request));
        })
                .onFailure(SqlResults::isUniqueViolation).transform(e -> duplicate(request, locale))
                .onItem().ifNull().failWith(TemplateService::changedMeanwhile)
                .invoke(view -> renderer.remember(view, parts));
    }

    public Uni<Void> delete(UUID tenant, UUID id, String ifMatch) {
        return get(tenant, id).chain(current -> {
            Preconditions.check(ifMatch, current.etag(), "template");
            return db.statement(pool -> TemplateSql.delete(pool, tenant, id, current.version()));
        }).map(deleted -> {
            if (!deleted) {
                throw changedMeanwhile();
            }
            return null;
        });
    }

    /** The saved template rendered with sample data; a part that fails to render is a 422. */
    public Uni<Preview> preview(UUID tenant, UUID id, PreviewRequest request) {
        JsonObject data = data(request.data());
        return get(tenant, id).chain(view -> preview(view.id(), view.eventType(), view.channel(), view.locale(),
                renderer.parsed(view), request.subject(), data));
    }

    /** A template not saved yet rendered with sample data: a 422 when it would not be saved. */
    public Uni<Preview> previewDraft(DraftPreview request) {
        String locale = locale("template.locale", request.template().locale());
        Map<Part, Template> parts = compile("template.", request.template());
        return preview(null, request.template().eventType(), request.template().channel(), locale, parts, request.subject(),
                data(request.data()));
    }

    /**
     * What a channel would send for the event: the template that applies, or the built-in one; for {@code digest}, a
     * digest of the type listing this one event.
     */
    public Uni<Rendered> render(UUID tenant, RenderRequest request) {
        EventTypes.requireType("eventType", request.eventType());
        requireChannel("channel", request.channel());
        String locale = request.locale() == null ? null : Locales.require("locale", request.locale());
        if (Part.DIGEST.equals(request.channel())) {
            return digests.render(tenant, request.eventType(), locale,
                    List.of(new DigestEntry(request.eventType(), request.subject(), data(request.data()), null)));
        }
        return renderer.render(tenant, request.eventType(), request.channel(), locale, request.subject(), data(request.data()));
    }

    /** A digest template previews as a digest listing one event of the sample subject and data. */
    private Uni<Preview> preview(UUID id, String eventType, String channel, String locale, Map<Part, Template> parts,
            String subject, JsonObject data) {
        List<String> missing = new ArrayList<>();
        RenderContext context;
        if (Part.DIGEST.equals(channel)) {
            String summary = subject == null ? eventType : eventType + " — " + subject;
            context = DigestRenderer.context(eventType, locale,
                    List.of(DigestRenderer.listed(new DigestEntry(eventType, subject, data, null), summary)), 1);
        } else {
            parts.values().forEach(
                    part -> MissingData.of(part, data).stream().filter(m -> !missing.contains(m)).forEach(missing::add));
            context = new RenderContext(eventType, subject, data, locale);
        }
        return compiler.render(parts, context)
                .map(rendered -> new Preview(Rendered.of(id, locale, rendered), List.copyOf(missing)));
    }

    /** The request's parts parsed, after checking that they are those of its channel. */
    private Map<Part, Template> compile(String prefix, SaveTemplate request) {
        EventTypes.requirePattern(prefix + "eventType", request.eventType());
        requireChannel(prefix + "channel", request.channel());
        Map<Part, String> sources = TemplateView.sources(request.title(), request.body(), request.subject(), request.html(),
                request.text());
        List<Part> allowed = Part.of(request.channel());
        for (Part part : sources.keySet()) {
            if (!allowed.contains(part)) {
                throw new BadRequest(prefix + part.field(), "is not a part of " + request.channel() + " templates");
            }
        }
        Part required = Part.INBOX.equals(request.channel()) ? Part.TITLE : Part.SUBJECT;
        if (!sources.containsKey(required)) {
            throw new BadRequest(prefix + required.field(), "is required for " + request.channel() + " templates");
        }
        if (!Part.INBOX.equals(request.channel()) && !sources.containsKey(Part.HTML) && !sources.containsKey(Part.TEXT)) {
            throw new BadRequest(prefix + Part.HTML.field(), "an e-mail template needs html, text or both");
        }
        return compiler.compile(prefix, sources);
    }

    private static String locale(String field, String locale) {
        return locale == null ? Locales.DEFAULT : Locales.require(field, locale);
    }

    private static void requireChannel(String field, String channel) {
        if (!Part.CHANNELS.contains(channel)) {
            throw new BadRequest(field, "must be one of " + String.join(", ", Part.CHANNELS));
        }
    }

    private static JsonObject data(Map<String, Object> data) {
        return data == null ? new JsonObject() : new JsonObject(data);
    }

    private static Conflict duplicate(SaveTemplate request, String locale) {
        return new Conflict("A " + request.channel() + " template for " + request.eventType() + " in " + locale
                + " exists already");
    }

    private static PreconditionFailed changedMeanwhile() {
        return new PreconditionFailed(
                "The template changed while this request was made; fetch it again and reapply your change");
    }
}
