package dev.flotilla.conversation.chat;

import dev.flotilla.common.identity.Roles;
import dev.flotilla.conversation.message.MessageView;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A chat turn in a conversation: answered with the assistant's message as stored (201), or, with {@code stream: true},
 * as Server-Sent Events while the model writes ({@link ChatStream}). Either way the answer is decided only once the
 * model answers, so a turn refused before (404, 403, 503 ...) is a problem response, not an event.
 */
@Path("/api/v1/conversations/{id}/chat")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
public class ChatResource {

    private final ChatService chats;
    private final ChatStream wire;

    public ChatResource(ChatService chats, ChatStream wire) {
        this.chats = chats;
        this.wire = wire;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestMulti<Buffer> chat(@RestPath UUID id, @Valid @NotNull ChatTurn turn, UriInfo uri) {
        String path = uri.getPath();
        if (turn.streamed()) {
            return RestMulti.fromUniResponse(chats.prepare(id, turn),
                    prepared -> chats.stream(prepared, event -> wire.event(event, prepared.userMessage()), wire::stored,
                            (failure, stored) -> wire.failed(failure, stored, path))
                            .filter(frame -> frame.length() > 0),
                    prepared -> Map.of(HttpHeaders.CONTENT_TYPE, List.of(MediaType.SERVER_SENT_EVENTS),
                            HttpHeaders.CACHE_CONTROL, List.of("no-cache"), "X-Accel-Buffering", List.of("no")),
                    prepared -> 200);
        }
        return RestMulti.fromUniResponse(chats.prepare(id, turn).chain(chats::answer),
                stored -> Multi.createFrom().item(wire.whole(MessageView.of(stored))),
                stored -> Map.of(HttpHeaders.CONTENT_TYPE, List.of(MediaType.APPLICATION_JSON),
                        HttpHeaders.LOCATION, List.of(uri.getBaseUriBuilder().path("api/v1/conversations")
                                .path(id.toString()).path("messages").path(stored.id().toString()).build().toString())),
                stored -> 201);
    }
}
