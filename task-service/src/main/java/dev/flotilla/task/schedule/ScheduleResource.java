package dev.flotilla.task.schedule;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** Recurring schedules of the caller's tenant: each tick of a cron expression creates one task. */
@Cancellable(false)
@Path("/api/v1/schedules")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
public class ScheduleResource {

    private final ScheduleService schedules;
    private final Caller caller;

    public ScheduleResource(ScheduleService schedules, Caller caller) {
        this.schedules = schedules;
        this.caller = caller;
    }

    @POST
    public Uni<RestResponse<ScheduleView>> create(@NotNull @Valid CreateSchedule request, UriInfo uri) {
        return schedules.create(caller.tenant(), request)
                .map(schedule -> RestResponse.ResponseBuilder.<ScheduleView> created(
                        uri.getAbsolutePathBuilder().path(schedule.id().toString()).build()).entity(schedule).build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE, Roles.VIEWER })
    public Uni<Page<ScheduleView>> list(@BeanParam @Valid PageParams page) {
        return schedules.list(caller.tenant(), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE, Roles.VIEWER })
    public Uni<ScheduleView> get(@RestPath UUID id) {
        return schedules.get(caller.tenant(), id);
    }

    @POST
    @Path("{id}/pause")
    public Uni<ScheduleView> pause(@RestPath UUID id) {
        return schedules.enable(caller.tenant(), id, false);
    }

    @POST
    @Path("{id}/resume")
    public Uni<ScheduleView> resume(@RestPath UUID id) {
        return schedules.enable(caller.tenant(), id, true);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id) {
        return schedules.delete(caller.tenant(), id).map(ignored -> RestResponse.noContent());
    }
}
