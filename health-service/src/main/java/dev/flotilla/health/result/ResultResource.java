package dev.flotilla.health.result;

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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** The results of a target's checks, newest first, for everyone who may read the target. */
@Cancellable(false)
@Path("/api/v1/targets/{id}/results")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER, Roles.VIEWER })
public class ResultResource {

    private final ResultService results;
    private final Caller caller;

    public ResultResource(ResultService results, Caller caller) {
        this.results = results;
        this.caller = caller;
    }

    @GET
    public Uni<Page<ResultView>> list(@RestPath UUID id, @BeanParam @Valid PageParams page) {
        return results.list(caller.tenant(), id, page).map(found -> found.map(ResultView::of));
    }
}
