package dev.flotilla.conversation.customization;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** The caller's own prompt customizations of an agent; nobody else's, whatever the caller's role. */
@Cancellable(false)
@Path("/api/v1/agents/{agentId}/prompt-customizations")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
public class CustomizationResource {

    private final CustomizationService customizations;
    private final Caller caller;

    public CustomizationResource(CustomizationService customizations, Caller caller) {
        this.customizations = customizations;
        this.caller = caller;
    }

    @POST
    public Uni<RestResponse<CustomizationView>> create(@RestPath UUID agentId, SaveCustomization request, UriInfo uri) {
        return customizations.create(caller.tenant(), caller.subject(), agentId, request)
                .map(created -> RestResponse.ResponseBuilder.<CustomizationView> created(
                        uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                        .header(HttpHeaders.ETAG, created.etag()).entity(CustomizationView.of(created)).build());
    }

    @GET
    public Uni<Page<CustomizationView>> list(@RestPath UUID agentId, @BeanParam @Valid PageParams page) {
        return customizations.list(caller.tenant(), caller.subject(), agentId, page)
                .map(found -> found.map(CustomizationView::of));
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<CustomizationView>> get(@RestPath UUID agentId, @RestPath UUID id) {
        return customizations.get(caller.tenant(), caller.subject(), agentId, id).map(CustomizationResource::tagged);
    }

    /** Replaces the customization; {@code If-Match} is honoured. */
    @PUT
    @Path("{id}")
    public Uni<RestResponse<CustomizationView>> replace(@RestPath UUID agentId, @RestPath UUID id,
            @RestHeader("If-Match") String ifMatch, SaveCustomization request) {
        return customizations.replace(caller.tenant(), caller.subject(), agentId, id, ifMatch, request)
                .map(CustomizationResource::tagged);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID agentId, @RestPath UUID id) {
        return customizations.delete(caller.tenant(), caller.subject(), agentId, id).map(ignored -> RestResponse.noContent());
    }

    private static RestResponse<CustomizationView> tagged(PromptCustomization customization) {
        return RestResponse.ResponseBuilder.ok(CustomizationView.of(customization))
                .header(HttpHeaders.ETAG, customization.etag()).build();
    }
}
