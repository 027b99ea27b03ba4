package dev.flotilla.health.page;

import dev.flotilla.common.error.NotFound;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * A tenant's published status page, read without a token: the HTML page (server-rendered, live through its event
 * stream when scripts run), the same content as Statuspage API v2 JSON, an Atom feed of incidents and SVG badges.
 * A slug that names no published page is 404 everywhere. JSON and badges may be read from any origin: they are public.
 */
@Cancellable(false)
@PermitAll
@Path(PublicPageResource.PATH)
public class PublicPageResource {

    static final String PATH = "/status/{slug}";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance statusPage(PageView page);
    }

    private final PageContents contents;
    private final PageConfig config;

    public PublicPageResource(PageContents contents, PageConfig config) {
        this.contents = contents;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<RestResponse<String>> page(@RestPath String slug, UriInfo uri) {
        return contents.published(slug)
                .chain(content -> Templates.statusPage(PageView.of(content, pageUrl(uri, slug))).createUni())
                .map(html -> cached(RestResponse.ResponseBuilder.ok(html, MediaType.TEXT_HTML_TYPE)).build());
    }

    @GET
    @Path("api/v2/summary.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> summary(@RestPath String slug, UriInfo uri) {
        return statuspage(slug, uri, Statuspage::summary);
    }

    @GET
    @Path("api/v2/status.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> status(@RestPath String slug, UriInfo uri) {
        return statuspage(slug, uri, Statuspage::status);
    }

    @GET
    @Path("api/v2/components.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> components(@RestPath String slug, UriInfo uri) {
        return statuspage(slug, uri, Statuspage::components);
    }

    @GET
    @Path("api/v2/incidents.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> incidents(@RestPath String slug, UriInfo uri) {
        return statuspage(slug, uri, (content, url) -> Statuspage.incidents(content, url, false));
    }

    @GET
    @Path("api/v2/incidents/unresolved.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> unresolved(@RestPath String slug, UriInfo uri) {
        return statuspage(slug, uri, (content, url) -> Statuspage.incidents(content, url, true));
    }

    @GET
    @Path("api/v2/scheduled-maintenances.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Object>>> maintenances(@RestPath String slug, UriInfo uri) {
        return statuspage(slug, uri, Statuspage::maintenances);
    }

    @GET
    @Path("history.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    public Uni<RestResponse<String>> feed(@RestPath String slug, UriInfo uri) {
        return contents.published(slug).map(content -> cached(RestResponse.ResponseBuilder
                .ok(AtomFeed.of(content, pageUrl(uri, slug)), AtomFeed.MEDIA_TYPE)).build());
    }

    /** {@code kind} is {@code status}, {@code uptime} (over the days the page shows) or {@code response-time}. */
    @GET
    @Path("badges/{target}/{kind}.svg")
    @Produces(Badges.MEDIA_TYPE)
    public Uni<RestResponse<String>> badge(@RestPath String slug, @RestPath String target, @RestPath String kind) {
        Badges.Kind badge = Badges.Kind.of(kind);
        if (badge == null) {
            throw new NotFound("badge", kind);
        }
        return contents.published(slug).map(content -> {
            PageContent.Component component = content.component(target);
            if (component == null) {
                throw new NotFound("component", target);
            }
            return publicly(cached(RestResponse.ResponseBuilder.ok(Badges.of(badge, component), Badges.MEDIA_TYPE))).build();
        });
    }

    /**
     * {@code event: state} with the page's banner and its components' states ({@link PageView.Live}) at once and whenever
     * they change; the page's script updates itself from it.
     */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @PublishedPageFilter.Published
    public Multi<OutboundSseEvent> events(@RestPath String slug, @Context Sse sse) {
        return contents.published(slug).onItem().transformToMulti(first -> Multi.createBy().concatenating().streams(
                Multi.createFrom().item(first),
                Multi.createFrom().ticks().every(config.refresh())
                        .onItem().transformToUniAndConcatenate(tick -> contents.published(slug))
                        .onFailure().recoverWithCompletion())
                .map(PageView::live)
                .skip().repetitions()
                .map(live -> sse.newEventBuilder().name("state").data(live).build()));
    }

    private Uni<RestResponse<Map<String, Object>>> statuspage(String slug, UriInfo uri,
            BiFunction<PageContent, String, Map<String, Object>> form) {
        return contents.published(slug).map(content -> publicly(cached(
                RestResponse.ResponseBuilder.ok(form.apply(content, pageUrl(uri, slug)), MediaType.APPLICATION_JSON_TYPE)))
                .build());
    }

    private <T> RestResponse.ResponseBuilder<T> cached(RestResponse.ResponseBuilder<T> response) {
        return response.header("Cache-Control", "public, max-age=" + config.maxAge().toSeconds());
    }

    private static <T> RestResponse.ResponseBuilder<T> publicly(RestResponse.ResponseBuilder<T> response) {
        return response.header("Access-Control-Allow-Origin", "*");
    }

    private static String pageUrl(UriInfo uri, String slug) {
        return uri.getBaseUriBuilder().path(PATH).build(slug).toString().replaceAll("/$", "");
    }
}
