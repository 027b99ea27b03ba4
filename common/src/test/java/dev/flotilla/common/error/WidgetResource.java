package dev.flotilla.common.error;

import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.common.request.RequestBodies;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** A resource that exists only in the tests, to drive every error path of the shared mappers. */
@Path("/api/v1/widgets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetResource {

    public enum Colour {
        RED,
        GREEN
    }

    public record Widget(@NotBlank String name, @Min(0) @Max(10) int size, @NotNull Colour colour) {
    }

    /** 120 ids in creation order, to page through. */
    static final List<UUID> STOCK = IntStream.range(0, 120).mapToObj(i -> Ids.next()).toList();

    private final RequestBodies bodies;

    public WidgetResource(RequestBodies bodies) {
        this.bodies = bodies;
    }

    @POST
    public Response create(@Valid @NotNull Widget widget) {
        return Response.created(URI.create("/api/v1/widgets/" + Ids.next())).entity(widget).build();
    }

    /** The same creation, its body checked in the method rather than by method validation. */
    @POST
    @Path("checked")
    public Response createChecked(Widget widget) {
        return create(bodies.requireValid(widget, "widget"));
    }

    @GET
    public Page<UUID> list(@BeanParam @Valid PageParams page) {
        Cursor after = page.after();
        List<UUID> rows = STOCK.stream()
                .filter(id -> after == null || id.compareTo(after.id()) > 0)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetch(rows, page.limit(), Cursor::of);
    }

    @GET
    @Path("changes")
    public List<Instant> changesSince(@QueryParam("from") Instant from) {
        return List.of(from);
    }

    @GET
    @Path("{id}")
    public Widget get(@PathParam("id") UUID id) {
        throw new NotFound("widget", id);
    }

    @PUT
    @Path("{id}")
    public Widget replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid Widget widget) {
        throw new PreconditionFailed("widget " + id + " changed since version " + ifMatch);
    }

    @POST
    @Path("duplicates")
    public Widget duplicate(@Valid Widget widget) {
        throw new Conflict("a widget named '" + widget.name() + "' already exists");
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public void delete(@PathParam("id") UUID id) {
    }

    @GET
    @Path("broken")
    public Widget broken() {
        throw new IllegalStateException("secret internal detail");
    }
}
