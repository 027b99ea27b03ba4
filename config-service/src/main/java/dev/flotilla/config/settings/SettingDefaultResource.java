package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The tenant's defaults of settings, which admins set and every user of the tenant gets until they
 * set their own. Users read them through their own settings too ({@code GET /api/v1/settings?source=tenant}).
 */
@Cancellable(false)
@Path("/api/v1/settings-defaults/{category}/{key}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SettingDefaultResource {

    private final SettingDefaultService defaults;
    private final Caller caller;

    public SettingDefaultResource(SettingDefaultService defaults, Caller caller) {
        this.defaults = defaults;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER })
    public Uni<RestResponse<DefaultView>> get(@RestPath String category, @RestPath String key) {
        return defaults.get(caller.tenant(), category, key).map(SettingResource::tagged);
    }

    /** The body is the value itself; 201 when there was no default of the key, else 200. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<DefaultView>> put(@RestPath String category, @RestPath String key,
            @RestHeader("If-Match") String ifMatch, JsonNode value, UriInfo uri) {
        return defaults.put(caller.tenant(), caller.subject(), category, key, ifMatch, value)
                .map(written -> written.created()
                        ? RestResponse.ResponseBuilder.<DefaultView> created(uri.getAbsolutePath()).entity(written.body())
                                .header(HttpHeaders.ETAG, written.etag()).build()
                        : SettingResource.tagged(written));
    }

    @DELETE
    public Uni<RestResponse<Void>> delete(@RestPath String category, @RestPath String key,
            @RestHeader("If-Match") String ifMatch) {
        return defaults.delete(caller.tenant(), category, key, ifMatch).map(ignored -> RestResponse.noContent());
    }
}
