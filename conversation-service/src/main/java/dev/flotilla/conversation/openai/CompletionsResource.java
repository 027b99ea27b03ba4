package dev.flotilla.conversation.openai;

import dev.flotilla.common.identity.Roles;
import dev.flotilla.conversation.chat.ChatService;
import dev.flotilla.conversation.chat.PreparedTurn;
import dev.flotilla.conversation.message.Message;
import dev.flotilla.conversation.model.ModelClient;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestMulti;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI-compatible door: OpenAI's SDKs work unchanged with their base URL pointed at {@code <service>/v1} and a
 * Flotilla token as the API key. Each answer names the conversation it was stored in, in the header
 * {@value #CONVERSATION_HEADER} (and the completion's {@code conversation_id}); a request continues it by
 * {@code metadata.conversation_id}.
 */
@Path("/v1")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
public class CompletionsResource {

    static final String CONVERSATION_HEADER = "X-Flotilla-Conversation-Id";

    private final CompletionsService completions;
    private final ChatService chats;
    private final ModelClient models;
    private final CompletionsWire wire;

    public CompletionsResource(CompletionsService completions, ChatService chats, ModelClient models,
            CompletionsWire wire) {
        this.completions = completions;
        this.chats = chats;
        this.models = models;
        this.wire = wire;
    }

    private record Answered(PreparedTurn turn, Message message) {
    }

    @POST
    @Path("chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestMulti<Buffer> complete(CompletionRequest request) {
        if (request != null && request.streamed()) {
            long created = Instant.now().getEpochSecond();
            boolean usage = request.usageInStream();
            return RestMulti.fromUniResponse(completions.prepare(request),
                    turn -> chats.stream(turn, event -> wire.chunk(turn, created, event, usage), stored -> wire.done(),
                            (failure, stored) -> wire.failed(failure)).filter(frame -> frame.length() > 0),
                    turn -> headers(turn, MediaType.SERVER_SENT_EVENTS), turn -> 200);
        }
        return RestMulti.fromUniResponse(
                completions.prepare(request).chain(turn -> chats.answer(turn).map(stored -> new Answered(turn, stored))),
                answered -> Multi.createFrom().item(wire.completion(answered.turn(), answered.message())),
                answered -> headers(answered.turn(), MediaType.APPLICATION_JSON), answered -> 200);
    }

    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    public Response models() {
        return Response.ok(wire.models(models.models()).getBytes()).build();
    }

    private static Map<String, List<String>> headers(PreparedTurn turn, String contentType) {
        return Map.of(HttpHeaders.CONTENT_TYPE, List.of(contentType), CONVERSATION_HEADER,
                List.of(turn.conversation().id().toString()), HttpHeaders.CACHE_CONTROL, List.of("no-cache"),
                "X-Accel-Buffering", List.of("no"));
    }
}
