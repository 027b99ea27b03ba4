package dev.flotilla.auth.audit;

import dev.flotilla.auth.audit.AuditService.AuditView;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.Map;

/** The tenant's audit trail: administrators read it; the suite's services add their own events to it. */
// A client hanging up must not cancel a transaction half-way: that can leak its pooled connection.
@Cancellable(false)
@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService audit;
    private final Caller caller;

    public AuditResource(AuditService audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    /** An event reported by another service, e.g. {@code conversation.deleted}. */
    public record ReportedEvent(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+", message = "must be a dotted lower-case name such as conversation.deleted") String type,
            @Size(max = 200) String actor,
            @Size(max = 200) String subject,
            Map<String, Object> detail) {
    }

    /** Newest first; {@code from} inclusive, {@code to} exclusive (ISO-8601 instants). */
    @GET
    @RolesAllowed(Roles.ADMIN)
    public Uni<Page<AuditView>> query(@BeanParam @Valid PageParams page, @RestQuery String type, @RestQuery String actor,
            @RestQuery String from, @RestQuery String to) {
        return audit.query(caller.tenant(), type, actor, from, to, page);
    }

    @POST
    @RolesAllowed(Roles.SERVICE)
    @ResponseStatus(202)
    public Uni<Void> record(@NotNull @Valid ReportedEvent event, @Context HttpServerRequest http) {
        return audit.recordReported(caller.tenant(), caller.subject(), event.type(), event.actor(), event.subject(),
                event.detail(),
                Origin.of(http));
    }
}
