package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The caller's own settings, by category and key. There is no user in any path: the user is the
 * token's subject, so nobody (an admin neither) reaches another user's settings here. Reads answer
 * what applies (the caller's own value, else the tenant's default) with its {@code source};
 * {@code ?source=user} shows only the caller's own, {@code ?source=tenant} only the defaults.
 */
@Cancellable(false)
@Path("/api/v1/settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER })
public class SettingResource {

    /** RFC 7386's media type, the only one a category's PATCH takes. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final SettingService settings;
    private final Caller caller;

    public SettingResource(SettingService settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    /** Grouped by category; {@code ?category=} for one (404 naming the categories there are when unknown). */
    @GET
    public Uni<AllSettings> all(@RestQuery String category, @RestQuery String source) {
        return settings.all(caller.tenant(), caller.subject(), category, source);
    }

    /** The category as key → value, with an {@code ETag}. */
    @GET
    @Path("{category}")
    public Uni<RestResponse<CategorySettings>> category(@RestPath String category, @RestQuery String source) {
        return settings.category(caller.tenant(), caller.subject(), category, source).map(SettingResource::tagged);
    }

    /** A JSON Merge Patch of the category's values: null removes the caller's own value of a key. 412 when stale. */
    @PATCH
    @Path("{category}")
    @Consumes(MERGE_PATCH)
    public Uni<RestResponse<CategorySettings>> patch(@RestPath String category, @RestHeader("If-Match") String ifMatch,
            JsonNode patch) {
        return settings.patch(caller.tenant(), caller.subject(), category, ifMatch, patch).map(SettingResource::tagged);
    }

    @GET
    @Path("{category}/{key}")
    public Uni<RestResponse<SettingView>> get(@RestPath String category, @RestPath String key, @RestQuery String source) {
        return settings.one(caller.tenant(), caller.subject(), category, key, source).map(SettingResource::tagged);
    }

    /** The body is the value itself, any JSON but null. 201 when the caller had no own value of the key, else 200. */
    @PUT
    @Path("{category}/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<SettingView>> put(@RestPath String category, @RestPath String key,
            @RestHeader("If-Match") String ifMatch, JsonNode value, UriInfo uri) {
        return settings.put(caller.tenant(), caller.subject(), category, key, ifMatch, value)
                .map(written -> written.created()
                        ? RestResponse.ResponseBuilder.<SettingView> created(uri.getAbsolutePath()).entity(written.body())
                                .header(HttpHeaders.ETAG, written.etag()).build()
                        : tagged(written));
    }

    /** 204; the tenant's default, if any, applies again. 404 when the caller has no own value of the key. */
    @DELETE
    @Path("{category}/{key}")
    public Uni<RestResponse<Void>> delete(@RestPath String category, @RestPath String key,
            @RestHeader("If-Match") String ifMatch) {
        return settings.delete(caller.tenant(), caller.subject(), category, key, ifMatch)
                .map(ignored -> RestResponse.noContent());
    }

    static <T> RestResponse<T> tagged(Tagged<T> answer) {
        return RestResponse.ResponseBuilder.ok(answer.body()).header(HttpHeaders.ETAG, answer.etag()).build();
    }
}
