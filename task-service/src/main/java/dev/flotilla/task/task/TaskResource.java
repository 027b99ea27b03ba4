package dev.flotilla.task.task;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.common.request.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;
import java.util.UUID;

/**
 * Tasks of the caller's tenant: create (idempotent under {@code Idempotency-Key}), list, read with
 * history, cancel, retry, and many at once. The calls of the agent holding tasks, under the same
 * path, are the dispatch package's {@code LeaseResource}.
 */
@Cancellable(false)
@Path("/api/v1/tasks")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
public class TaskResource {

    private final TaskService tasks;
    private final Caller caller;

    public TaskResource(TaskService tasks, Caller caller) {
        this.tasks = tasks;
        this.caller = caller;
    }

    /**
     * 201 with the task; a repeated {@code Idempotency-Key} answers the first request's task, marked
     * {@code Idempotent-Replayed: true}.
     */
    @POST
    public Uni<RestResponse<TaskView>> create(@NotNull @Valid CreateTask request,
            @RestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
            UriInfo uri) {
        return tasks.create(caller.tenant(), Creator.of(caller), request, idempotencyKey)
                .map(created -> RestResponse.ResponseBuilder.<TaskView> created(
                        uri.getAbsolutePathBuilder().path(created.task().id().toString()).build())
                        .entity(created.task())
                        .header(IdempotencyKeys.REPLAYED_HEADER, String.valueOf(created.replayed()))
                        .build());
    }

    /**
     * 201 with every task of the batch in the order given, each marked {@code replayed} when its
     * idempotency key answered an earlier task (under {@code Prefer: return=minimal} only the id and
     * status of each); a refused task refuses the batch, and nothing is created.
     */
    @POST
    @Path("batch")
    public Uni<RestResponse<Object>> createAll(@NotNull @Valid CreateTasks request,
            @RestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
            @RestHeader("Prefer") List<String> prefer) {
        ReturnPreference answer = ReturnPreference.of(prefer);
        return tasks.createAll(caller.tenant(), Creator.of(caller), request.tasks(), idempotencyKey)
                .map(created -> answer.answer(RestResponse.Status.CREATED, new CreatedTasks(created), CreatedTasks::minimal));
    }

    /** Tasks in creation order, filtered by {@code status}, {@code type}, {@code agent}, {@code workflow}. */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE, Roles.VIEWER })
    public Uni<Page<TaskView>> list(@BeanParam @Valid PageParams page, @RestQuery TaskStatus status, @RestQuery String type,
            @RestQuery UUID agent, @RestQuery UUID workflow) {
        return tasks.list(caller.tenant(), new TaskFilter(status, type, agent, workflow), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE, Roles.VIEWER })
    public Uni<TaskView> get(@RestPath UUID id) {
        return tasks.get(caller.tenant(), id);
    }

    @POST
    @Path("{id}/cancel")
    public Uni<TaskView> cancel(@RestPath UUID id) {
        return tasks.cancel(caller.tenant(), id, caller.subject());
    }

    @POST
    @Path("{id}/retry")
    public Uni<TaskView> retry(@RestPath UUID id) {
        return tasks.retry(caller.tenant(), id, caller.subject());
    }
}
