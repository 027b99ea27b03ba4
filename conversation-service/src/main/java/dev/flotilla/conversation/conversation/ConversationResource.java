package dev.flotilla.conversation.conversation;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.conversation.access.OwnerScope;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Conversations: a member's own; an admin reads and changes any of the tenant's. */
@Cancellable(false)
@Path("/api/v1/conversations")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
public class ConversationResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final ConversationService conversations;
    private final Caller caller;

    public ConversationResource(ConversationService conversations, Caller caller) {
        this.conversations = conversations;
        this.caller = caller;
    }

    @POST
    public Uni<RestResponse<ConversationView>> create(NewConversation request, UriInfo uri) {
        return conversations.create(caller.tenant(), caller.subject(), request)
                .map(created -> RestResponse.ResponseBuilder.<ConversationView> created(
                        uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                        .header(HttpHeaders.ETAG, created.etag()).entity(ConversationView.of(created)).build());
    }

    /** Newest first; {@code q} finds text in the title, whatever its case. */
    @GET
    public Uni<Page<ConversationView>> list(@RestQuery String status, @RestQuery String tag,
            @RestQuery String workspaceSessionId, @RestQuery UUID agentId, @RestQuery String q,
            @BeanParam @Valid PageParams page) {
        return conversations.list(caller.tenant(), OwnerScope.of(caller), status, tag, workspaceSessionId, agentId, q, page)
                .map(found -> found.map(ConversationView::of));
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<ConversationView>> get(@RestPath UUID id) {
        return conversations.get(caller.tenant(), id, OwnerScope.of(caller)).map(ConversationResource::tagged);
    }

    /** A JSON merge patch (RFC 7396) of the conversation's fields; {@code If-Match} is required. */
    @PATCH
    @Path("{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    public Uni<RestResponse<ConversationView>> patch(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
            Map<String, Object> patch) {
        return conversations.patch(caller.tenant(), id, OwnerScope.of(caller), ifMatch, patch)
                .map(ConversationResource::tagged);
    }

    /** Soft delete: the conversation is hidden until restored, and purged after the retention period. */
    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id) {
        return conversations.delete(caller.tenant(), id, OwnerScope.of(caller), caller.subject())
                .map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("{id}/restore")
    public Uni<RestResponse<ConversationView>> restore(@RestPath UUID id) {
        return conversations.restore(caller.tenant(), id, OwnerScope.of(caller), caller.subject())
                .map(ConversationResource::tagged);
    }

    /** The conversation it was forked from and the forks of it, that the caller may see. */
    @GET
    @Path("{id}/related")
    public Uni<Map<String, List<RelatedConversation>>> related(@RestPath UUID id) {
        return conversations.related(caller.tenant(), id, OwnerScope.of(caller)).map(found -> Map.of("items", found));
    }

    private static RestResponse<ConversationView> tagged(Conversation conversation) {
        return RestResponse.ResponseBuilder.ok(ConversationView.of(conversation))
                .header(HttpHeaders.ETAG, conversation.etag()).build();
    }
}
