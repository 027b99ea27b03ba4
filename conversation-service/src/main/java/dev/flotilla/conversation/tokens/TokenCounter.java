package dev.flotilla.conversation.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.flotilla.conversation.model.ChatMessage;
import dev.flotilla.conversation.model.ToolCall;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

/**
 * How many tokens a chat message takes in a model's prompt, counted as OpenAI's cookbook counts chat messages: a fixed
 * overhead per message plus the tokens of its role and its text (the content, the tool calls' names and arguments, the
 * id of the call a tool answers). The models of the GPT-4o, GPT-4.1, GPT-4.5, GPT-5 and o-series families use
 * {@code o200k_base}; every other model (and none) {@code cl100k_base}. CPU-bound: call it off the event loop for
 * long texts.
 */
@ApplicationScoped
public class TokenCounter {

    /** Every message is framed by {@code <|start|>{role}\n ... <|end|>\n} in the prompt. */
    public static final int TOKENS_PER_MESSAGE = 3;

    private static final List<String> O200K_FAMILIES = List.of("gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5",
            "o1", "o3", "o4");

    private final Encoding o200k;
    private final Encoding cl100k;

    public TokenCounter() {
        EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
        this.o200k = registry.getEncoding(EncodingType.O200K_BASE);
        this.cl100k = registry.getEncoding(EncodingType.CL100K_BASE);
    }

    /** The encoding {@code model} counts with; a provider prefix ({@code openai/gpt-4o}) is ignored. */
    public Encoding encodingFor(String model) {
        if (model == null) {
            return cl100k;
        }
        String name = model.toLowerCase(Locale.ROOT);
        String bare = name.substring(name.lastIndexOf('/') + 1);
        return O200K_FAMILIES.stream().anyMatch(bare::startsWith) ? o200k : cl100k;
    }

    /** The tokens {@code message} takes in a prompt for {@code model}, its per-message overhead included. */
    public int count(String model, ChatMessage message) {
        Encoding encoding = encodingFor(model);
        int tokens = TOKENS_PER_MESSAGE + text(encoding, message.role()) + text(encoding, message.content())
                + text(encoding, message.toolCallId());
        if (message.toolCalls() != null) {
            for (ToolCall call : message.toolCalls()) {
                if (call.function() != null) {
                    tokens += text(encoding, call.function().name()) + text(encoding, call.function().arguments());
                }
            }
        }
        if (message.name() != null) {
            // The cookbook's rule: a name is one more token besides its text.
            tokens += text(encoding, message.name()) + 1;
        }
        return tokens;
    }

    private static int text(Encoding encoding, String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
