package dev.flotilla.task.workflow;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.task.task.Creator;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** Workflows (DAGs of tasks) of the caller's tenant: create, list, read with the tasks' states and history, cancel, retry. */
@Cancellable(false)
@Path("/api/v1/workflows")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
public class WorkflowResource {

    private final WorkflowService workflows;
    private final Caller caller;

    public WorkflowResource(WorkflowService workflows, Caller caller) {
        this.workflows = workflows;
        this.caller = caller;
    }

    /** 201 with the workflow; unknown dependency keys, duplicate keys and cycles are 422. */
    @POST
    public Uni<RestResponse<WorkflowView>> create(@NotNull @Valid CreateWorkflow request, UriInfo uri) {
        return workflows.create(caller.tenant(), Creator.of(caller), request)
                .map(workflow -> RestResponse.ResponseBuilder.<WorkflowView> created(
                        uri.getAbsolutePathBuilder().path(workflow.id().toString()).build()).entity(workflow).build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE, Roles.VIEWER })
    public Uni<Page<WorkflowView>> list(@BeanParam @Valid PageParams page) {
        return workflows.list(caller.tenant(), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE, Roles.VIEWER })
    public Uni<WorkflowView> get(@RestPath UUID id) {
        return workflows.get(caller.tenant(), id);
    }

    /** Cancels the waiting tasks at once and requests cancellation of the running ones. */
    @POST
    @Path("{id}/cancel")
    public Uni<WorkflowView> cancel(@RestPath UUID id) {
        return workflows.cancel(caller.tenant(), id, caller.subject());
    }

    /** Runs the failed tasks and the dependents they cancelled again; 409 when nothing failed. */
    @POST
    @Path("{id}/retry")
    public Uni<WorkflowView> retry(@RestPath UUID id) {
        return workflows.retry(caller.tenant(), id, caller.subject());
    }
}
