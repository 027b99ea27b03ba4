package dev.flotilla.task.dispatch;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.task.task.ReturnPreference;
import dev.flotilla.task.task.TaskView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;
import java.util.UUID;

/**
 * The calls of the agent holding tasks of the caller's tenant: heartbeat, complete (one, or many
 * at once), fail, each under the task's lease. They share {@code /api/v1/tasks} with
 * {@link dev.flotilla.task.task.TaskResource}, which creates and manages the tasks.
 */
@Cancellable(false)
@Path("/api/v1/tasks")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
public class LeaseResource {

    private final LeaseService leases;
    private final Caller caller;

    public LeaseResource(LeaseService leases, Caller caller) {
        this.leases = leases;
        this.caller = caller;
    }

    @POST
    @Path("{id}/heartbeat")
    public Uni<HeartbeatAnswer> heartbeat(@RestPath UUID id, @NotNull @Valid TaskHeartbeat beat) {
        return leases.heartbeat(caller.tenant(), id, beat);
    }

    @POST
    @Path("{id}/complete")
    public Uni<TaskView> complete(@RestPath UUID id, @NotNull @Valid CompleteTask completion) {
        return leases.complete(caller.tenant(), id, completion);
    }

    /**
     * Completes many held tasks, each under its own lease: 200 with an outcome per task, in the
     * order given (under {@code Prefer: return=minimal} without the completed task's view); a task
     * that could not be completed (404, 409) does not stop the others.
     */
    @POST
    @Path("completions")
    public Uni<RestResponse<Object>> completeAll(@NotNull @Valid CompleteTasks request,
            @RestHeader("Prefer") List<String> prefer) {
        ReturnPreference answer = ReturnPreference.of(prefer);
        return leases.completeAll(caller.tenant(), "tasks", request.tasks())
                .map(done -> answer.answer(RestResponse.Status.OK, done, Completions::minimal));
    }

    @POST
    @Path("{id}/fail")
    public Uni<TaskView> fail(@RestPath UUID id, @NotNull @Valid FailTask failure) {
        return leases.fail(caller.tenant(), id, failure);
    }
}
