package dev.flotilla.config.entry;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.config.namespace.NamespaceResource;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.net.URI;

/**
 * Entries of a namespace, per environment ({@code ?env=}; none: the namespace default). Members read them, secrets
 * masked; admins and services write them. Every answer carries the entry's {@code ETag} and the namespace's
 * {@code X-Flotilla-Index}; changing an existing entry needs {@code If-Match}.
 */
@Cancellable(false)
@Path("/api/v1/namespaces/{ns}/entries")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
public class EntryResource {

    private final EntryService entries;
    private final Caller caller;

    public EntryResource(EntryService entries, Caller caller) {
        this.entries = entries;
        this.caller = caller;
    }

    /**
     * 201 when it creates the entry (without {@code If-Match}, or with {@code If-None-Match: *}), 200 when it changes
     * it (428 without {@code If-Match}, 412 when stale); 422 when the value is not of its type or breaks its schema, or
     * the schema is not a valid JSON Schema.
     */
    @PUT
    @Path("{key}")
    public Uni<RestResponse<EntryView>> put(@RestPath String ns, @RestPath String key, @RestQuery String env,
            @RestHeader("If-Match") String ifMatch, @RestHeader("If-None-Match") String ifNoneMatch,
            @NotNull @Valid PutEntry request, UriInfo uri) {
        return entries.put(caller.tenant(), caller.subject(), ns, key, env, request, ifMatch, ifNoneMatch).map(written -> {
            RestResponse.ResponseBuilder<EntryView> response = written.created()
                    ? RestResponse.ResponseBuilder.created(location(uri, env))
                    : RestResponse.ResponseBuilder.ok();
            return response.entity(written.entry()).header(HttpHeaders.ETAG, written.entry().etag())
                    .header(NamespaceResource.INDEX_HEADER, written.index()).build();
        });
    }

    /** The entry of the environment, or the namespace default's ({@code inherited: true}) when it has none. */
    @GET
    @Path("{key}")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.SERVICE })
    public Uni<RestResponse<EntryView>> get(@RestPath String ns, @RestPath String key, @RestQuery String env) {
        return entries.get(Reader.of(caller), ns, key, env).map(read -> RestResponse.ResponseBuilder.ok(read.body())
                .header(HttpHeaders.ETAG, read.body().etag()).header(NamespaceResource.INDEX_HEADER, read.index()).build());
    }

    /** Entries by key and layer: of one environment's layer with {@code ?env=}, else of every layer. */
    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.SERVICE })
    public Uni<RestResponse<Page<EntryView>>> list(@RestPath String ns, @RestQuery String env,
            @BeanParam @Valid PageParams page) {
        return entries.list(Reader.of(caller), ns, env, page).map(read -> RestResponse.ResponseBuilder.ok(read.body())
                .header(NamespaceResource.INDEX_HEADER, read.index()).build());
    }

    /** 204; 428 without {@code If-Match}, 412 when stale. */
    @DELETE
    @Path("{key}")
    public Uni<RestResponse<Void>> delete(@RestPath String ns, @RestPath String key, @RestQuery String env,
            @RestQuery String message, @RestHeader("If-Match") String ifMatch) {
        return entries.delete(caller.tenant(), caller.subject(), ns, key, env, ifMatch, message)
                .map(index -> RestResponse.ResponseBuilder.<Void> noContent().header(NamespaceResource.INDEX_HEADER, index)
                        .build());
    }

    private static URI location(UriInfo uri, String env) {
        UriBuilder location = uri.getAbsolutePathBuilder();
        return env == null || env.isEmpty() ? location.build() : location.queryParam("env", env).build();
    }
}
