package dev.flotilla.conversation.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.flotilla.conversation.model.ChatMessage;
import dev.flotilla.conversation.model.ToolCall;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Token counts of chat messages, checked against jtokkit's own encoders. */
class TokenCounterTest {

    private static final String TEXT = "Hello, wörld! Let's count tokens: 𝄞 ünïcödé, code `x += 1;` and emojis 🚀🚀.";

    private final TokenCounter counter = new TokenCounter();
    private final EncodingRegistry registry = Encodings.newDefaultEncodingRegistry();
    private final Encoding o200k = registry.getEncoding(EncodingType.O200K_BASE);
    private final Encoding cl100k = registry.getEncoding(EncodingType.CL100K_BASE);

    @Test
    void theGpt4oAndNewerFamiliesCountWithO200k() {
        for (String model : List.of("gpt-4o", "gpt-4o-mini", "chatgpt-4o-latest", "gpt-4.1-nano", "gpt-4.5-preview",
                "gpt-5", "o1-mini", "o3", "o4-mini", "openai/gpt-4o", "GPT-4O")) {
            assertEquals(o200k.getName(), counter.encodingFor(model).getName(), model);
        }
    }

    @Test
    void otherModelsAndNoModelCountWithCl100k() {
        for (String model : List.of("gpt-4", "gpt-4-turbo", "gpt-3.5-turbo", "llama-3.1-8b", "claude-3")) {
            assertEquals(cl100k.getName(), counter.encodingFor(model).getName(), model);
        }
        assertEquals(cl100k.getName(), counter.encodingFor(null).getName());
    }

    @Test
    void aMessageCountsItsOverheadRoleAndContent() {
        assertEquals(3 + o200k.countTokens("user") + o200k.countTokens(TEXT),
                counter.count("gpt-4o", ChatMessage.user(TEXT)));
        assertEquals(3 + cl100k.countTokens("assistant") + cl100k.countTokens(TEXT),
                counter.count("gpt-4", ChatMessage.assistant(TEXT)));
    }

    @Test
    void theEncodingsDifferForTheSameText() {
        assertNotEquals(counter.count("gpt-4o", ChatMessage.user(TEXT)), counter.count("gpt-4", ChatMessage.user(TEXT)));
    }

    @Test
    void toolCallsCountTheirNamesAndArguments() {
        String arguments = "{\"city\":\"Oslo\",\"unit\":\"celsius\"}";
        ChatMessage call = new ChatMessage("assistant", null, List.of(ToolCall.function("call_1", "weather", arguments)),
                null, null);
        assertEquals(3 + o200k.countTokens("assistant") + o200k.countTokens("weather") + o200k.countTokens(arguments),
                counter.count("gpt-4o", call));
    }

    @Test
    void aToolResultCountsTheIdOfTheCallItAnswers() {
        assertEquals(3 + cl100k.countTokens("tool") + cl100k.countTokens("call_1") + cl100k.countTokens("12 °C"),
                counter.count(null, ChatMessage.toolResult("call_1", "12 °C")));
    }

    @Test
    void aNameCountsOneTokenMoreThanItsText() {
        ChatMessage named = new ChatMessage("user", TEXT, null, null, "ann");
        assertEquals(3 + o200k.countTokens("user") + o200k.countTokens(TEXT) + o200k.countTokens("ann") + 1,
                counter.count("gpt-4o", named));
    }

    @Test
    void specialTokenTextInContentIsCountedAsOrdinaryText() {
        String text = "<|endoftext|> is just text here";
        assertEquals(3 + o200k.countTokens("user") + o200k.countTokensOrdinary(text),
                counter.count("gpt-4o", ChatMessage.user(text)));
    }
}
