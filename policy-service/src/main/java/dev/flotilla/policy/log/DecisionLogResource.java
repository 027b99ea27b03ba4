package dev.flotilla.policy.log;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.time.Instant;

/** The caller's tenant's decision log, newest first, filtered and paged. Admins only. */
@Cancellable(false)
@Path("/api/v1/decision-logs")
@RolesAllowed(Roles.ADMIN)
public class DecisionLogResource {

    private final DecisionLog log;
    private final Caller caller;

    public DecisionLogResource(DecisionLog log, Caller caller) {
        this.log = log;
        this.caller = caller;
    }

    @GET
    public Uni<Page<DecisionLogView>> list(@RestQuery String decision, @RestQuery String action, @RestQuery String subjectId,
            @RestQuery String resourceType, @RestQuery String resourceId,
            @RestQuery("from") Instant from, @RestQuery("to") Instant to,
            @BeanParam @Valid PageParams page) {
        var filter = DecisionLogFilter.of(decision, action, subjectId, resourceType, resourceId, from, to);
        return log.list(caller.tenant(), filter, page);
    }
}
