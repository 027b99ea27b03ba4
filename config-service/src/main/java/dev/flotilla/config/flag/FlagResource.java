package dev.flotilla.config.flag;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.config.targeting.FlagSpec;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The tenant's feature flags, per environment ({@code ?env=}). Admins write them; every role of the tenant
 * reads them. Reads answer the flag's {@code ETag}; a change of an existing flag requires {@code If-Match}. Every
 * change is a revision of the flag ({@link FlagRevisionResource}); {@code ?message=} says why.
 */
@Cancellable(false)
@Path("/api/v1/flags")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.SERVICE })
public class FlagResource {

    private final FlagService flags;
    private final Caller caller;

    public FlagResource(FlagService flags, Caller caller) {
        this.flags = flags;
        this.caller = caller;
    }

    @GET
    public Uni<Page<FlagView>> list(@RestQuery String env, @BeanParam @Valid PageParams page) {
        return flags.list(caller.tenant(), env, page);
    }

    @GET
    @Path("{key}")
    public Uni<RestResponse<FlagView>> get(@RestPath String key, @RestQuery String env) {
        return flags.get(caller.tenant(), env, key).map(FlagResource::tagged);
    }

    /**
     * 201 when it creates the flag, 200 when it replaces it (428 without {@code If-Match}, 412 when stale); 422
     * naming what makes the flag impossible to evaluate.
     */
    @PUT
    @Path("{key}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<FlagView>> put(@RestPath String key, @RestQuery String env, @RestHeader("If-Match") String ifMatch,
            @RestHeader("If-None-Match") String ifNoneMatch, @RestQuery @Size(max = 2000) String message,
            @NotNull @Valid FlagSpec definition, UriInfo uri) {
        return flags.apply(caller.tenant(), caller.subject(),
                FlagChange.put(key, env, definition, ifMatch, ifNoneMatch).withMessage(message))
                .map(changed -> changed.created()
                        ? RestResponse.ResponseBuilder.<FlagView> created(uri.getRequestUri()).entity(changed.after())
                                .header(HttpHeaders.ETAG, changed.after().etag()).build()
                        : tagged(changed.after()));
    }

    /** 428 without {@code If-Match}, 412 when it names another version. */
    @DELETE
    @Path("{key}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Void>> delete(@RestPath String key, @RestQuery String env, @RestHeader("If-Match") String ifMatch,
            @RestQuery @Size(max = 2000) String message) {
        return flags.apply(caller.tenant(), caller.subject(), FlagChange.delete(key, env, ifMatch).withMessage(message))
                .map(ignored -> RestResponse.noContent());
    }

    private static RestResponse<FlagView> tagged(FlagView view) {
        return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, view.etag()).build();
    }
}
