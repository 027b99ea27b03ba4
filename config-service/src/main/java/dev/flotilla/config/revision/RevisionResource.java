package dev.flotilla.config.revision;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.config.entry.Indexed;
import dev.flotilla.config.entry.Reader;
import dev.flotilla.config.namespace.NamespaceResource;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The history of a namespace: every change is a revision, numbered as the namespace's index. Members read it, secrets
 * masked; admins and services roll back.
 */
@Cancellable(false)
@Path("/api/v1/namespaces/{ns}/revisions")
@RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.SERVICE })
public class RevisionResource {

    private final RevisionService revisions;
    private final Caller caller;

    public RevisionResource(RevisionService revisions, Caller caller) {
        this.revisions = revisions;
        this.caller = caller;
    }

    /** Newest first; {@code ?key=} and {@code ?env=} keep the revisions that changed that key or environment. */
    @GET
    public Uni<RestResponse<Page<RevisionView>>> list(@RestPath String ns, @RestQuery String key, @RestQuery String env,
            @BeanParam @Valid PageParams page) {
        return revisions.list(Reader.of(caller), ns, key, env, page).map(RevisionResource::indexed);
    }

    @GET
    @Path("{n}")
    public Uni<RestResponse<RevisionView>> get(@RestPath String ns, @RestPath long n) {
        return revisions.get(Reader.of(caller), ns, n).map(RevisionResource::indexed);
    }

    /** Per entry, its state at revision {@code against} (default {@code n - 1}) and at revision {@code n}. */
    @GET
    @Path("{n}/diff")
    public Uni<RestResponse<DiffView>> diff(@RestPath String ns, @RestPath long n, @RestQuery Long against) {
        return revisions.diff(Reader.of(caller), ns, n, against).map(RevisionResource::indexed);
    }

    /** 201 with the new revision; 409 when the entries already are as revision {@code n} left them. */
    @POST
    @Path("{n}/rollback")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<RestResponse<RevisionView>> rollback(@RestPath String ns, @RestPath long n, @Valid Rollback request,
            UriInfo uri) {
        return revisions.rollback(Reader.of(caller), caller.subject(), ns, n, request)
                .map(created -> RestResponse.ResponseBuilder.<RevisionView> created(uri.getBaseUriBuilder()
                        .path("api/v1/namespaces").path(ns).path("revisions").path(String.valueOf(created.body().number()))
                        .build()).entity(created.body()).header(NamespaceResource.INDEX_HEADER, created.index()).build());
    }

    private static <T> RestResponse<T> indexed(Indexed<T> read) {
        return RestResponse.ResponseBuilder.ok(read.body()).header(NamespaceResource.INDEX_HEADER, read.index()).build();
    }
}
