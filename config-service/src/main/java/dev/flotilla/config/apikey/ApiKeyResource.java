package dev.flotilla.config.apikey;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/**
 * The tenant's API keys for OFREP ({@code X-API-Key}), each scoped to one environment. Admins create, list
 * and revoke them; the secret is in the answer to the create only.
 */
@Cancellable(false)
@Path("/api/v1/api-keys")
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final Caller caller;

    public ApiKeyResource(ApiKeyService keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    public Uni<RestResponse<CreatedApiKey>> create(@NotNull @Valid CreateApiKey request, UriInfo uri) {
        return keys.create(caller.tenant(), caller.subject(), request)
                .map(created -> RestResponse.ResponseBuilder.<CreatedApiKey> created(
                        uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build());
    }

    @GET
    public Uni<Page<ApiKeyView>> list(@BeanParam @Valid PageParams page) {
        return keys.list(caller.tenant(), page);
    }

    @GET
    @Path("{id}")
    public Uni<ApiKeyView> get(@RestPath UUID id) {
        return keys.get(caller.tenant(), id);
    }

    /** Revokes the key at once; it stays listed, with when and by whom it was revoked. */
    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> revoke(@RestPath UUID id) {
        return keys.revoke(caller.tenant(), caller.subject(), id).map(ignored -> RestResponse.noContent());
    }
}
