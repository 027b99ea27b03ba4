package dev.flotilla.notification.template;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/**
 * The tenant's notification templates (Qute), per event type pattern, channel and locale. Admins
 * write and preview them; admins and services read them and render events with them. Writes
 * answer the template's {@code ETag} and honour {@code If-Match} when it is sent.
 */
@Cancellable(false)
@Path("/api/v1/templates")
@RolesAllowed(Roles.ADMIN)
public class TemplateResource {

    private final TemplateService templates;
    private final Caller caller;

    public TemplateResource(TemplateService templates, Caller caller) {
        this.templates = templates;
        this.caller = caller;
    }

    /**
     * 201; 422 naming the part and line of a template that does not parse; 409 when one exists for the type, channel and
     * locale.
     */
    @POST
    public Uni<RestResponse<TemplateView>> create(@NotNull @Valid SaveTemplate request, UriInfo uri) {
        return templates.create(caller.tenant(), caller.subject(), request)
                .map(view -> RestResponse.ResponseBuilder.<TemplateView> created(
                        uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                        .entity(view).header(HttpHeaders.ETAG, view.etag()).build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<Page<TemplateView>> list(@RestQuery String eventType, @RestQuery String channel, @RestQuery String locale,
            @BeanParam @Valid PageParams page) {
        return templates.list(caller.tenant(), eventType, channel, locale, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<RestResponse<TemplateView>> get(@RestPath UUID id) {
        return templates.get(caller.tenant(), id).map(TemplateResource::tagged);
    }

    /** 412 when {@code If-Match} names another version. */
    @PUT
    @Path("{id}")
    public Uni<RestResponse<TemplateView>> update(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
            @NotNull @Valid SaveTemplate request) {
        return templates.update(caller.tenant(), id, ifMatch, request).map(TemplateResource::tagged);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id, @RestHeader("If-Match") String ifMatch) {
        return templates.delete(caller.tenant(), id, ifMatch).map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("{id}/preview")
    public Uni<Preview> preview(@RestPath UUID id, @NotNull @Valid PreviewRequest request) {
        return templates.preview(caller.tenant(), id, request);
    }

    @POST
    @Path("preview")
    public Uni<Preview> previewDraft(@NotNull @Valid DraftPreview request) {
        return templates.previewDraft(request);
    }

    @POST
    @Path("render")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<Rendered> render(@NotNull @Valid RenderRequest request) {
        return templates.render(caller.tenant(), request);
    }

    private static RestResponse<TemplateView> tagged(TemplateView view) {
        return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, view.etag()).build();
    }
}
