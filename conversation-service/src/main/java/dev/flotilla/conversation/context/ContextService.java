package dev.flotilla.conversation.context;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.conversation.agent.AgentProfile;
import dev.flotilla.conversation.agent.AgentProfiles;
import dev.flotilla.conversation.conversation.Conversation;
import dev.flotilla.conversation.message.Message;
import dev.flotilla.conversation.message.MessageRole;
import dev.flotilla.conversation.message.MessageService;
import dev.flotilla.conversation.model.ChatMessage;
import dev.flotilla.conversation.tokens.TokenCounter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Assembles a conversation's context for a model call (see {@link ModelContext}): the agent's profile for the user
 * (from the cache of {@link AgentProfiles}), the system prompt counted with the model's tokenizer, and the latest
 * messages chosen by the {@link ContextWindow} within what is left of the budget, by their stored token counts.
 */
@ApplicationScoped
public class ContextService {

    /** The largest budgets a request may name. */
    static final int MAX_TOKENS_LIMIT = 2_000_000;
    static final int MAX_MESSAGES_LIMIT = 500;

    private static final ContextWindow<Message> WINDOW = new ContextWindow<>(Message::tokenCount,
            message -> message.role() == MessageRole.ASSISTANT && message.toolCalls() != null
                    && !message.toolCalls().isEmpty(),
            message -> message.role() == MessageRole.TOOL);

    private final MessageService messages;
    private final AgentProfiles agents;
    private final TokenCounter tokens;
    private final ContextConfig config;

    ContextService(MessageService messages, AgentProfiles agents, TokenCounter tokens, ContextConfig config) {
        this.messages = messages;
        this.agents = agents;
        this.tokens = tokens;
        this.config = config;
    }

    /**
     * The context of {@code conversation}'s next model call for {@code user}, whose token reads the agent; budgets
     * null take the configured defaults; {@code model} null takes the conversation's, then the agent's.
     */
    public Uni<ModelContext> assemble(Conversation conversation, String user, String authorization, String model,
            Integer maxTokens, Integer maxMessages) {
        int tokenBudget = bounded("maxTokens", maxTokens, config.maxTokens(), MAX_TOKENS_LIMIT);
        int messageBudget = bounded("maxMessages", maxMessages, config.maxMessages(), MAX_MESSAGES_LIMIT);
        Uni<AgentProfile> agent = conversation.agentId() == null ? Uni.createFrom().nullItem()
                : agents.of(conversation.tenant(), user, conversation.agentId(), authorization);
        return agent.chain(profile -> messages.latest(conversation, messageBudget).map(latest -> {
            String counted = model != null ? model
                    : conversation.model() != null ? conversation.model() : profile == null ? null : profile.model();
            String prompt = profile == null || profile.systemPrompt().isEmpty() ? null : profile.systemPrompt();
            int systemTokens = prompt == null ? 0 : tokens.count(counted, ChatMessage.system(prompt));
            ContextWindow.Selection<Message> chosen = WINDOW.select(latest, Math.max(0, tokenBudget - systemTokens),
                    messageBudget, latest.size() >= conversation.messageCount());
            return new ModelContext(counted, profile, prompt, systemTokens, chosen.messages(), chosen.tokens(),
                    chosen.complete(), tokenBudget, messageBudget);
        }));
    }

    static ChatMessage chatMessage(Message message) {
        return new ChatMessage(message.role().wire(), message.content(), message.toolCalls(), message.toolCallId(),
                null);
    }

    private static int bounded(String name, Integer asked, int fallback, int limit) {
        if (asked == null) {
            return fallback;
        }
        if (asked < 1 || asked > limit) {
            throw new BadRequest(name, "must be between 1 and " + limit);
        }
        return asked;
    }
}
