package dev.flotilla.task.schedule;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.Map;
import java.util.UUID;

/** Recurring schedules of the caller's tenant: each tick of a cron expression creates one task. */
@Cancellable(false)
@Path("/api/v1/schedules")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
public class ScheduleResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

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
                        uri.getAbsolutePathBuilder().path(schedule.id().toString()).build()).entity(schedule)
                        .header(HttpHeaders.ETAG, schedule.etag()).build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE, Roles.VIEWER })
    public Uni<Page<ScheduleView>> list(@BeanParam @Valid PageParams page) {
        return schedules.list(caller.tenant(), page);
    }

    /** The schedule, with its version as {@code ETag}, for an edit's {@code If-Match}. */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE, Roles.VIEWER })
    public Uni<RestResponse<ScheduleView>> get(@RestPath UUID id) {
        return schedules.get(caller.tenant(), id).map(ScheduleResource::tagged);
    }

    /**
     * A JSON Merge Patch of {@code name}, {@code cron}, {@code timeZone}, {@code catchUp} and
     * {@code task}, under {@code If-Match} (428 without, 412 when the schedule changed since).
     */
    @PATCH
    @Path("{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    public Uni<RestResponse<ScheduleView>> update(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull Map<String, Object> patch) {
        return schedules.update(caller.tenant(), id, ifMatch, patch).map(ScheduleResource::tagged);
    }

    /** The next {@code count} (1 to 100, default 5) ticks after now, in the schedule's time zone. */
    @GET
    @Path("{id}/next")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE, Roles.VIEWER })
    public Uni<SchedulePreview> next(@RestPath UUID id,
            @RestQuery @DefaultValue("5") @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100") int count) {
        return schedules.preview(caller.tenant(), id, count);
    }

    private static RestResponse<ScheduleView> tagged(ScheduleView schedule) {
        return RestResponse.ResponseBuilder.ok(schedule).header(HttpHeaders.ETAG, schedule.etag()).build();
    }

    @POST
    @Path("{id}/pause")
    public Uni<RestResponse<ScheduleView>> pause(@RestPath UUID id) {
        return schedules.enable(caller.tenant(), id, false).map(ScheduleResource::tagged);
    }

    @POST
    @Path("{id}/resume")
    public Uni<RestResponse<ScheduleView>> resume(@RestPath UUID id) {
        return schedules.enable(caller.tenant(), id, true).map(ScheduleResource::tagged);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id) {
        return schedules.delete(caller.tenant(), id).map(ignored -> RestResponse.noContent());
    }
}
