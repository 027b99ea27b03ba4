package dev.flotilla.config.flag;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The history of a flag in an environment ({@code ?env=}): every put and delete is a revision, numbered per flag.
 * Every role of the tenant reads it; admins roll back.
 */
@Cancellable(false)
@Path("/api/v1/flags/{key}/revisions")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.SERVICE })
public class FlagRevisionResource {

    private final FlagRevisionService revisions;
    private final Caller caller;

    public FlagRevisionResource(FlagRevisionService revisions, Caller caller) {
        this.revisions = revisions;
        this.caller = caller;
    }

    /** Newest first. */
    @GET
    public Uni<Page<FlagRevisionView>> list(@RestPath String key, @RestQuery String env, @BeanParam @Valid PageParams page) {
        return revisions.list(caller.tenant(), env, key, page);
    }

    @GET
    @Path("{n}")
    public Uni<FlagRevisionView> get(@RestPath String key, @RestPath long n, @RestQuery String env) {
        return revisions.get(caller.tenant(), env, key, n);
    }

    /** The definition at revision {@code against} (default {@code n - 1}; 0: before the first) and at revision {@code n}. */
    @GET
    @Path("{n}/diff")
    public Uni<FlagDiffView> diff(@RestPath String key, @RestPath long n, @RestQuery String env, @RestQuery Long against) {
        return revisions.diff(caller.tenant(), env, key, n, against);
    }

    /**
     * 201 with the new revision (and the flag's new {@code ETag} unless it was deleted); {@code If-Match}: the flag's
     * current ETag when it exists (428 without, 412 when stale); 409 when the flag already is as revision {@code n}
     * left it.
     */
    @POST
    @Path("{n}/rollback")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<FlagRevisionView>> rollback(@RestPath String key, @RestPath long n, @RestQuery String env,
            @RestHeader("If-Match") String ifMatch, @Valid FlagRollback request, UriInfo uri) {
        return revisions.rollback(caller.tenant(), caller.subject(), env, key, n, ifMatch, request)
                .chain(changed -> revisions.get(caller.tenant(), env, key, changed.revision()).map(view -> {
                    RestResponse.ResponseBuilder<FlagRevisionView> response = RestResponse.ResponseBuilder
                            .<FlagRevisionView> created(uri.getBaseUriBuilder().path("api/v1/flags").path(key)
                                    .path("revisions").path(String.valueOf(view.number())).queryParam("env", env).build())
                            .entity(view);
                    return changed.after() == null ? response.build()
                            : response.header(HttpHeaders.ETAG, changed.after().etag()).build();
                }));
    }
}
