package dev.flotilla.conversation.model;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official OpenAI Java SDK reads the answers of {@link LocalModelServer}, whole and streamed,
 * so the server the other tests rely on speaks the real wire format, not one of our own making.
 */
class OpenAiSdkTest {

    private static final String PREFIX = "/v1";

    private static LocalModelServer server;
    private static OpenAIClient sdk;

    @BeforeAll
    static void startTheServerAndTheSdk() {
        server = LocalModelServer.start();
        sdk = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl(PREFIX)).apiKey("sk-sdk-test").maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        sdk.close();
        server.close();
    }

    private static ChatCompletionCreateParams.Builder ask(String text) {
        return ChatCompletionCreateParams.builder().model("echo-sdk").addSystemMessage("Be brief.").addUserMessage(text);
    }

    @Test
    void theSdkReadsAWholeAnswerWithItsUsage() {
        ChatCompletion answer = sdk.chat().completions().create(ask("hello there").build());

        assertEquals("You said: hello there", answer.choices().get(0).message().content().orElseThrow());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, answer.choices().get(0).finishReason());
        CompletionUsage usage = answer.usage().orElseThrow();
        assertEquals(4, usage.promptTokens());
        assertEquals(4, usage.completionTokens());
        assertEquals("Bearer sk-sdk-test", server.last(PREFIX).authorization());
    }

    @Test
    void theSdkReadsAStreamedAnswerAndItsUsageChunk() {
        ChatCompletionCreateParams params = ask("stream this please")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunks::add);
        }

        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
        assertEquals("You said: stream this please", text.toString());
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertTrue(last.choices().isEmpty());
        assertEquals(5, last.usage().orElseThrow().completionTokens());
        assertTrue(server.last(PREFIX).streamed());
    }

    @Test
    void theSdkAssemblesStreamedToolCallFragments() {
        server.enqueue(PREFIX, LocalModelServer.Reply.toolCalls("lookup", "{\"query\":\"flotilla ships\"}"));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(
                ask("look it up").streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        ChatCompletion whole = accumulator.chatCompletion();
        ChatCompletionMessageFunctionToolCall call = whole.choices().get(0).message().toolCalls().orElseThrow().get(0)
                .asFunction();
        assertEquals("call_0", call.id());
        assertEquals("lookup", call.function().name());
        assertEquals("{\"query\":\"flotilla ships\"}", call.function().arguments());
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, whole.choices().get(0).finishReason());
    }
}
