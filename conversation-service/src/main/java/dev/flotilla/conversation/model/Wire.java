package dev.flotilla.conversation.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON of the Chat Completions wire: snake_case members, nulls left out, and members this code
 * does not know ignored, as providers add their own. Kept apart from the service's own mapper,
 * which refuses unknown members of our API's requests.
 */
final class Wire {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final int MESSAGE_LIMIT = 500;

    private Wire() {
    }

    /** The request body: the request with the model chosen, and for a stream the usage asked for. */
    static byte[] requestBody(ChatRequest request, String model, boolean stream) {
        ObjectNode body = JSON.valueToTree(request.withModel(model));
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request cannot be written as JSON", e);
        }
    }

    static ChatCompletion completion(byte[] body) {
        return read(body, ChatCompletion.class);
    }

    static ChatCompletionChunk chunk(String data) {
        try {
            return JSON.readValue(data, ChatCompletionChunk.class);
        } catch (JsonProcessingException e) {
            throw new UpstreamFailure.BadAnswer("a stream event is not a chat.completion.chunk: " + e.getOriginalMessage());
        }
    }

    /** The message of a failure answer: OpenAI's {@code error.message}, a bare {@code message}, or the text itself. */
    static String errorMessage(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode error = node.path("error");
            if (error.isTextual()) {
                return cut(error.asText());
            }
            if (error.path("message").isTextual()) {
                return cut(error.path("message").asText());
            }
            if (node.path("message").isTextual()) {
                return cut(node.path("message").asText());
            }
        } catch (IOException notJson) {
            // Not JSON: the text is the message.
        }
        return cut(text);
    }

    private static String cut(String message) {
        return message.length() <= MESSAGE_LIMIT ? message : message.substring(0, MESSAGE_LIMIT) + "…";
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UpstreamFailure.BadAnswer("the answer is not a chat.completion");
        }
    }
}
