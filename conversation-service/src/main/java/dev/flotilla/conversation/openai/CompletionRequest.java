package dev.flotilla.conversation.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.conversation.model.Tool;
import dev.flotilla.conversation.model.ToolCall;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/chat/completions} as OpenAI's SDKs send it. Only what the door acts on is read; parameters it does
 * not act on ({@code n}, {@code top_p}, {@code seed} ...) are accepted and ignored, as an SDK sends some by default.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletionRequest(
        String model,
        List<Message> messages,
        Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        Double temperature,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
        List<Tool> tools,
        @JsonProperty("tool_choice") JsonNode toolChoice,
        Map<String, String> metadata) {

    /** The metadata key naming the Flotilla conversation a request continues. */
    public static final String CONVERSATION_ID = "conversation_id";

    /** One message: {@code content} is a string or an array of parts, of which the {@code text} parts are read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(
            String role,
            JsonNode content,
            @JsonProperty("tool_calls") List<ToolCall> toolCalls,
            @JsonProperty("tool_call_id") String toolCallId,
            String name) {

        /** The text of the content: the string, or the text parts joined; null without content. */
        String text() {
            if (content == null || content.isNull()) {
                return null;
            }
            if (content.isTextual()) {
                return content.asText();
            }
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asText()) && part.hasNonNull("text")) {
                    text.append(part.get("text").asText());
                }
            }
            return text.toString();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
    }

    boolean streamed() {
        return Boolean.TRUE.equals(stream);
    }

    boolean usageInStream() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }

    Integer answerLimit() {
        return maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
    }

    String conversationId() {
        return metadata == null ? null : metadata.get(CONVERSATION_ID);
    }
}
