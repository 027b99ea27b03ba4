package dev.flotilla.conversation.export;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.conversation.access.OwnerScope;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** A conversation with its messages as a download: {@code format=json} (the default) or {@code markdown}. */
@Cancellable(false)
@Path("/api/v1/conversations")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
public class ExportResource {

    private final ExportService exports;
    private final Caller caller;

    public ExportResource(ExportService exports, Caller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @GET
    @Path("{id}/export")
    public Uni<RestResponse<String>> export(@RestPath UUID id, @RestQuery String format) {
        return exports.export(caller.tenant(), id, OwnerScope.of(caller), format)
                .map(export -> RestResponse.ResponseBuilder.ok(export.body(), export.mediaType())
                        .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }
}
