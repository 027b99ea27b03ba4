package dev.flotilla.conversation.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.correlation.RequestIds;
import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.conversation.message.Message;
import dev.flotilla.conversation.message.MessageView;
import dev.flotilla.conversation.model.ChatEvent;
import dev.flotilla.conversation.model.ModelProblems;
import dev.flotilla.conversation.model.ModelProviderFault;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * A streamed turn on the wire, as Server-Sent Events: {@code start} ({@code {model, userMessageId}}) once the model
 * answers, {@code delta} ({@code {content}}) as it writes, {@code tool-call} ({@code {id, name, arguments}}) for each
 * whole tool call, then {@code message}, the assistant's message as stored; or, when the model fails after it began,
 * {@code error}, a problem with the id of the message stored as far as it came.
 */
@ApplicationScoped
class ChatStream {

    private final ObjectMapper json;

    ChatStream(ObjectMapper json) {
        this.json = json;
    }

    /** The event of a model's event; an empty buffer for those a client is not told (the end of a choice, usage). */
    Buffer event(ChatEvent event, Message userMessage) {
        if (event instanceof ChatEvent.Started started) {
            return frame("start", Map.of("model", started.model() == null ? "" : started.model(),
                    "userMessageId", userMessage.id().toString()));
        }
        if (event instanceof ChatEvent.ContentDelta delta && delta.choice() == 0) {
            return frame("delta", Map.of("content", delta.content()));
        }
        if (event instanceof ChatEvent.ToolCallReady ready && ready.choice() == 0) {
            return frame("tool-call", Map.of("id", String.valueOf(ready.call().id()), "name",
                    ready.call().function().name(), "arguments", ready.call().function().arguments()));
        }
        return Buffer.buffer();
    }

    Buffer stored(Message message) {
        return frame("message", MessageView.of(message));
    }

    Buffer failed(Throwable failure, Message stored, String path) {
        Problem problem = problem(failure, path);
        return frame("error", Map.of("type", problem.type(), "title", problem.title(), "status", problem.status(),
                "detail", problem.detail(), "messageId", stored == null ? "" : stored.id().toString()));
    }

    Buffer whole(Object body) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
    }

    private Buffer frame(String name, Object data) {
        return Buffer.buffer("event: " + name + "\ndata: ").appendBuffer(whole(data)).appendString("\n\n");
    }

    private static Problem problem(Throwable failure, String path) {
        if (failure instanceof ProblemException problem) {
            return new Problem(problem.type().uri(), problem.type().title(), problem.type().status(),
                    problem.getMessage(), path, List.of(), RequestIds.current());
        }
        if (failure instanceof ModelProviderFault fault) {
            return new Problem(ModelProblems.BAD_GATEWAY, "Bad gateway", 502, fault.getMessage(), path, List.of(),
                    RequestIds.current());
        }
        return new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                "The answer failed; quote the request id when reporting it", path, List.of(), RequestIds.current());
    }
}
