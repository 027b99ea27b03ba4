package dev.flotilla.notification.inbox;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.time.Instant;
import java.util.UUID;

/**
 * The caller's in-app inbox: its notifications, its unread count, the changes it makes to them
 * (each answering {@code 204}, and {@code 404} for a notification that is not the caller's), and
 * its stream of Server-Sent Events. Whoever holds a token of the suite has an inbox: the token's
 * subject in the token's tenant.
 */
@Cancellable(false)
@Path("/api/v1/inbox")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.SERVICE })
public class InboxResource {

    private final InboxService inbox;
    private final Caller caller;
    private final JsonWebToken token;

    public InboxResource(InboxService inbox, Caller caller, JsonWebToken token) {
        this.inbox = inbox;
        this.caller = caller;
        this.token = token;
    }

    /** Newest first; by default the notifications not archived, of any type, read or not. */
    @GET
    public Uni<Page<InboxItem>> list(@BeanParam @Valid PageParams page,
            @Parameter(description = "only unread (true) or only read (false) notifications", schema = @Schema(type = SchemaType.BOOLEAN)) @RestQuery String unread,
            @Parameter(description = "the archived notifications (true) instead of the others", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @RestQuery String archived,
            @Parameter(description = "an event type (task.failed) or a pattern (task.*)") @RestQuery String type) {
        return inbox.list(caller.tenant(), caller.subject(), InboxFilter.of(unread, archived, type), page);
    }

    @GET
    @Path("{id}")
    public Uni<InboxItem> get(@RestPath UUID id) {
        return inbox.get(caller.tenant(), caller.subject(), id);
    }

    /** The notifications neither read nor archived. */
    @GET
    @Path("unread-count")
    public Uni<UnreadCount> unreadCount() {
        return inbox.unreadCount(caller.tenant(), caller.subject());
    }

    @POST
    @Path("{id}/read")
    public Uni<Void> read(@RestPath UUID id) {
        return inbox.change(caller.tenant(), caller.subject(), id, InboxChange.READ);
    }

    @POST
    @Path("{id}/unread")
    public Uni<Void> unread(@RestPath UUID id) {
        return inbox.change(caller.tenant(), caller.subject(), id, InboxChange.UNREAD);
    }

    /** Marks every unread notification read (archived ones too), or only those of the types {@code type} selects. */
    @POST
    @Path("read-all")
    public Uni<Void> readAll(
            @Parameter(description = "an event type (task.failed) or a pattern (task.*)") @RestQuery String type) {
        return inbox.readAll(caller.tenant(), caller.subject(), type);
    }

    @POST
    @Path("{id}/archive")
    public Uni<Void> archive(@RestPath UUID id) {
        return inbox.change(caller.tenant(), caller.subject(), id, InboxChange.ARCHIVE);
    }

    @POST
    @Path("{id}/unarchive")
    public Uni<Void> unarchive(@RestPath UUID id) {
        return inbox.change(caller.tenant(), caller.subject(), id, InboxChange.UNARCHIVE);
    }

    @DELETE
    @Path("{id}")
    public Uni<Void> delete(@RestPath UUID id) {
        return inbox.change(caller.tenant(), caller.subject(), id, InboxChange.DELETE);
    }

    /**
     * {@code event: notification} (id: its seq, data: the notification) for each new notification,
     * {@code event: unread-count} (data: {@code {"unread": n}}) first and whenever the count
     * changes, and a {@code :} comment when the stream has been quiet for a while. It resumes after
     * the id of {@code Last-Event-ID} (or {@code ?lastEventId=}), and ends when the token expires.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<OutboundSseEvent> stream(@RestHeader("Last-Event-ID") String lastEventIdHeader,
            @Parameter(description = "the seq after which to start, for clients that cannot send Last-Event-ID") @RestQuery String lastEventId,
            @Context Sse sse) {
        long expires = token.getExpirationTime();
        return inbox.stream(caller.tenant(), caller.subject(), lastEventIdHeader, lastEventId,
                expires > 0 ? Instant.ofEpochSecond(expires) : null)
                .map(event -> event.isComment()
                        ? sse.newEventBuilder().comment(event.comment()).build()
                        : sse.newEventBuilder().name(event.name()).id(event.id()).data(event.data()).build());
    }
}
