package dev.flotilla.conversation.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.conversation.chat.PreparedTurn;
import dev.flotilla.conversation.message.Message;
import dev.flotilla.conversation.model.ChatEvent;
import dev.flotilla.conversation.model.ModelListing;
import dev.flotilla.conversation.model.ToolCall;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The door's answers in OpenAI's Chat Completions format: a {@code chat.completion}, or {@code chat.completion.chunk}s
 * as Server-Sent Events ending with {@code [DONE]}. A turn's id is {@code chatcmpl-} and the id of the turn's last
 * stored message, so the chunks of a stream and the stored messages can be matched.
 */
@ApplicationScoped
class CompletionsWire {

    private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");

    private final ObjectMapper json;

    CompletionsWire(ObjectMapper json) {
        this.json = json;
    }

    static String id(PreparedTurn turn) {
        return "chatcmpl-" + turn.userMessage().id();
    }

    Buffer completion(PreparedTurn turn, Message answer) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", answer.toolCalls() != null && !answer.toolCalls().isEmpty() && answer.content().isEmpty()
                ? null
                : answer.content());
        if (answer.toolCalls() != null && !answer.toolCalls().isEmpty()) {
            message.put("tool_calls", answer.toolCalls());
        }
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", answer.metadata().getString("finishReason", "stop"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id(turn));
        body.put("object", "chat.completion");
        body.put("created", answer.createdAt().getEpochSecond());
        body.put("model", answer.model());
        body.put("choices", List.of(choice));
        JsonObject usage = answer.metadata().getJsonObject("usage");
        if (usage != null) {
            body.put("usage", usage(usage.getInteger("promptTokens"), usage.getInteger("completionTokens"),
                    usage.getInteger("totalTokens")));
        }
        body.put("conversation_id", turn.conversation().id().toString());
        return bytes(body);
    }

    /** The chunk of a model's event; an empty buffer for an event that makes none. */
    Buffer chunk(PreparedTurn turn, long created, ChatEvent event, boolean usageAsked) {
        if (event instanceof ChatEvent.Started started) {
            return frame(chunk(turn, created, started.model(), Map.of("role", "assistant", "content", ""), null));
        }
        if (event instanceof ChatEvent.ContentDelta delta && delta.choice() == 0) {
            return frame(chunk(turn, created, null, Map.of("content", delta.content()), null));
        }
        if (event instanceof ChatEvent.ToolCallReady ready && ready.choice() == 0) {
            ToolCall call = ready.call();
            Map<String, Object> fragment = Map.of("index", ready.index(), "id", call.id(), "type", "function",
                    "function", Map.of("name", call.function().name(), "arguments", call.function().arguments()));
            return frame(chunk(turn, created, null, Map.of("tool_calls", List.of(fragment)), null));
        }
        if (event instanceof ChatEvent.Finished finished && finished.choice() == 0) {
            return frame(chunk(turn, created, null, Map.of(), finished.reason()));
        }
        if (event instanceof ChatEvent.UsageReport report && usageAsked) {
            Map<String, Object> body = base(turn, created, null);
            body.put("choices", List.of());
            body.put("usage", usage(report.usage().promptTokens(), report.usage().completionTokens(),
                    report.usage().totalTokens()));
            return frame(body);
        }
        return Buffer.buffer();
    }

    Buffer done() {
        return DONE;
    }

    /** A failure after the stream began, as OpenAI's streams tell one, then the end. */
    Buffer failed(Throwable failure) {
        int status = failure instanceof ProblemException problem ? problem.type().status() : 502;
        return frame(Map.of("error", OpenAiErrors.error(status, failure.getMessage(), null))).appendBuffer(DONE);
    }

    Buffer models(ModelListing listing) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (ModelListing.Provider provider : listing.items()) {
            for (String model : provider.models()) {
                data.add(Map.of("id", model, "object", "model", "created", 0, "owned_by", provider.name()));
            }
        }
        return bytes(Map.of("object", "list", "data", data));
    }

    private Map<String, Object> chunk(PreparedTurn turn, long created, String model, Map<String, Object> delta,
            String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        Map<String, Object> body = base(turn, created, model);
        body.put("choices", List.of(choice));
        return body;
    }

    private static Map<String, Object> base(PreparedTurn turn, long created, String model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id(turn));
        body.put("object", "chat.completion.chunk");
        body.put("created", created);
        body.put("model", model == null ? turn.request().model() : model);
        return body;
    }

    private static Map<String, Object> usage(Integer prompt, Integer completion, Integer total) {
        return Map.of("prompt_tokens", prompt == null ? 0 : prompt, "completion_tokens",
                completion == null ? 0 : completion, "total_tokens", total == null ? 0 : total);
    }

    private Buffer frame(Object body) {
        return Buffer.buffer("data: ").appendBuffer(bytes(body)).appendString("\n\n");
    }

    private Buffer bytes(Object body) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
    }
}
