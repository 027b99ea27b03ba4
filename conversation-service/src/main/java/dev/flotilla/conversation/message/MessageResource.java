package dev.flotilla.conversation.message;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.conversation.access.OwnerScope;
import dev.flotilla.conversation.conversation.ConversationView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.Map;
import java.util.UUID;

/** The messages of the conversations the caller may see, and forks of those conversations at a message. */
@Cancellable(false)
@Path("/api/v1/conversations")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
public class MessageResource {

    private final MessageService messages;
    private final Caller caller;

    public MessageResource(MessageService messages, Caller caller) {
        this.messages = messages;
        this.caller = caller;
    }

    /**
     * Appends one message ({@code {"role": ..., "content": ...}}, answered as the message) or several
     * ({@code {"messages": [...]}}, answered as {@code {"items": [...]}}), in order.
     */
    @POST
    @Path("{id}/messages")
    public Uni<RestResponse<Object>> append(@RestPath UUID id, PostMessages request, UriInfo uri) {
        return messages.append(caller.tenant(), id, OwnerScope.of(caller), caller.subject(), request)
                .map(appended -> {
                    if (request.isBatch()) {
                        return RestResponse.ResponseBuilder.created(uri.getAbsolutePath())
                                .entity((Object) Map.of("items", appended.stream().map(MessageView::of).toList())).build();
                    }
                    MessageView view = MessageView.of(appended.get(0));
                    return RestResponse.ResponseBuilder.created(uri.getAbsolutePathBuilder().path(view.id().toString())
                            .build()).entity((Object) view).build();
                });
    }

    /** Keyset pages by place in the conversation: {@code order=asc} (oldest first, the default) or {@code desc}. */
    @GET
    @Path("{id}/messages")
    public Uni<Page<MessageView>> list(@RestPath UUID id, @RestQuery String order, @BeanParam @Valid PageParams page) {
        return messages.page(caller.tenant(), id, OwnerScope.of(caller), order, page)
                .map(found -> found.map(MessageView::of));
    }

    @GET
    @Path("{id}/messages/{messageId}")
    public Uni<MessageView> get(@RestPath UUID id, @RestPath UUID messageId) {
        return messages.get(caller.tenant(), id, OwnerScope.of(caller), messageId).map(MessageView::of);
    }

    @DELETE
    @Path("{id}/messages/{messageId}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id, @RestPath UUID messageId) {
        return messages.delete(caller.tenant(), id, OwnerScope.of(caller), messageId)
                .map(ignored -> RestResponse.noContent());
    }

    /** A new conversation of the caller's with this one's history up to and including {@code atMessageId}. */
    @POST
    @Path("{id}/fork")
    public Uni<RestResponse<ConversationView>> fork(@RestPath UUID id, ForkRequest request, UriInfo uri) {
        return messages.fork(caller.tenant(), id, OwnerScope.of(caller), caller.subject(), request)
                .map(fork -> RestResponse.ResponseBuilder.<ConversationView> created(uri.getBaseUriBuilder()
                        .path("api/v1/conversations").path(fork.id().toString()).build())
                        .header(HttpHeaders.ETAG, fork.etag()).entity(ConversationView.of(fork)).build());
    }
}
