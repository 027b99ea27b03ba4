package dev.flotilla.conversation.context;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.conversation.agent.AgentProfile;
import dev.flotilla.conversation.agent.AgentProfiles;
import dev.flotilla.conversation.conversation.Conversation;
import dev.flotilla.conversation.memory.MemoryService;
import dev.flotilla.conversation.message.Message;
import dev.flotilla.conversation.message.MessageRole;
import dev.flotilla.conversation.message.MessageService;
import dev.flotilla.conversation.model.ChatMessage;
import dev.flotilla.conversation.tokens.TokenCounter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Assembles a conversation's context for a model call (see {@link ModelContext}): the agent's profile for the user
 * (from the cache of {@link AgentProfiles}), the system prompt and the conversation's summary counted with the model's
 * tokenizer, and the latest messages the summary does not cover, chosen by the {@link ContextWindow} within what is
 * left of the budget, by their stored token counts.
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
    private final MemoryService memory;
    private final ContextConfig config;

    ContextService(MessageService messages, AgentProfiles agents, TokenCounter tokens, MemoryService memory,
            ContextConfig config) {
        this.messages = messages;
        this.memory = memory;
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
        // The summary and the latest messages are read at once; candidates the summary covers are dropped after.
        return agent.chain(profile -> Uni.combine().all()
                .unis(memory.summary(conversation), messages.latest(conversation, 0, messageBudget + 1))
                .with((summary, fetched) -> {
                    List<Message> latest = summary == null ? fetched
                            : fetched.stream().filter(message -> message.seq() > summary.coversSeq()).toList();
                    String counted = model != null ? model
                            : conversation.model() != null ? conversation.model()
                                    : profile == null ? null : profile.model();
                    String prompt = profile == null || profile.systemPrompt().isEmpty() ? null : profile.systemPrompt();
                    int systemTokens = prompt == null ? 0 : tokens.count(counted, ChatMessage.system(prompt));
                    int summaryTokens = summary == null ? 0 : tokens.count(counted, summary.forModel());
                    int forMessages = tokenBudget - systemTokens;
                    // Fewer candidates than asked for, or some the summary covers: every message it does not cover is
                    // among them.
                    boolean exhaustive = fetched.size() <= messageBudget || latest.size() < fetched.size();
                    ContextWindow.Selection<Message> chosen = WINDOW.select(latest,
                            Math.max(0, forMessages - summaryTokens), messageBudget, exhaustive);
                    long summariseBefore = chosen.complete() ? 0
                            : summariseBefore(latest, chosen, forMessages - memory.reservedTokens(counted),
                                    messageBudget, exhaustive);
                    return new ModelContext(counted, profile, prompt, systemTokens, summary, summaryTokens,
                            chosen.messages(), chosen.tokens(), chosen.complete(), summariseBefore, tokenBudget,
                            messageBudget);
                }));
    }

    /**
     * The place before which the messages are to be summarised: those older than the window that fits beside the
     * longest summary, so that a new summary and the window neither overlap nor leave a message out. Windows end on
     * whole units, so a tool call and its results fall on one side. 0 when not even the latest message fits.
     */
    private static long summariseBefore(List<Message> latest, ContextWindow.Selection<Message> chosen,
            int besideSummary, int messageBudget, boolean exhaustive) {
        List<Message> kept = WINDOW.select(latest, Math.max(0, besideSummary), messageBudget, exhaustive).messages();
        List<Message> window = kept.isEmpty() ? chosen.messages() : kept;
        return window.isEmpty() ? 0 : window.get(0).seq();
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
