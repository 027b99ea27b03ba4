package dev.flotilla.conversation.context;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.conversation.access.OwnerScope;
import dev.flotilla.conversation.conversation.ConversationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** What a conversation's next model call would be given, for the owner of the conversation (or an admin). */
@Cancellable(false)
@Path("/api/v1/conversations/{id}/context")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
public class ContextResource {

    private final ConversationService conversations;
    private final ContextService contexts;
    private final Caller caller;

    public ContextResource(ConversationService conversations, ContextService contexts, Caller caller) {
        this.conversations = conversations;
        this.contexts = contexts;
        this.caller = caller;
    }

    @GET
    public Uni<ContextView> context(@RestPath UUID id, @RestQuery Integer maxTokens, @RestQuery Integer maxMessages,
            @RestQuery String model) {
        return conversations.get(caller.tenant(), id, OwnerScope.of(caller))
                .chain(conversation -> contexts.assemble(conversation, caller.subject(), "Bearer " + caller.rawToken(),
                        model, maxTokens, maxMessages))
                .map(context -> ContextView.of(id, context));
    }
}
