package dev.flotilla.config.entry;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.config.namespace.NamespaceResource;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * A namespace as one environment sees it: each key's entry of the environment, or else of the namespace default, as
 * JSON, a properties file or YAML ({@code ?format=}). Its {@code ETag} is of the exact answer: {@code If-None-Match}
 * with it answers 304 while nothing the view shows has changed.
 * <p>
 * A blocking query in Consul's style: with {@code index} (the {@code X-Flotilla-Index} the caller holds) the answer
 * waits until the namespace has another index, or {@code wait} ({@code 60s}, {@code 5m}, {@code 500ms}) has passed,
 * then answers the view as it is; {@code changed=true} answers only the keys changed after {@code index}.
 */
@Cancellable(false)
@Path("/api/v1/namespaces/{ns}/resolved")
@RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.SERVICE })
public class ResolvedResource {

    private final EntryService entries;
    private final Caller caller;

    public ResolvedResource(EntryService entries, Caller caller) {
        this.entries = entries;
        this.caller = caller;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/yaml" })
    public Uni<RestResponse<String>> resolved(@RestPath String ns, @RestQuery String env, @RestQuery String format,
            @RestHeader("If-None-Match") String ifNoneMatch, @RestQuery String index, @RestQuery String wait,
            @RestQuery String changed) {
        return entries.resolve(Reader.of(caller), ns, env, format, ifNoneMatch, index, wait, changed).map(view -> {
            RestResponse.ResponseBuilder<String> response = view.notModified()
                    ? RestResponse.ResponseBuilder.<String> create(RestResponse.Status.NOT_MODIFIED)
                    : RestResponse.ResponseBuilder.ok(view.body()).type(view.mediaType());
            return response.header(HttpHeaders.ETAG, view.etag()).header(NamespaceResource.INDEX_HEADER, view.index())
                    .build();
        });
    }
}
