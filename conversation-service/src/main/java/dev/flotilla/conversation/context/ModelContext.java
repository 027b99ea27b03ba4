package dev.flotilla.conversation.context;

import dev.flotilla.conversation.agent.AgentProfile;
import dev.flotilla.conversation.memory.Summary;
import dev.flotilla.conversation.message.Message;
import dev.flotilla.conversation.model.ChatMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * What the next model call of a conversation is given: the system prompt (the agent's, with the user's prompt
 * customizations; null without an agent), the summary of the older messages (null when there is none), then the most
 * recent messages after the summary that fit the budget, oldest first. {@code complete} when no message is left out
 * that the summary does not cover.
 *
 * @param model the model the context was counted for (null: the provider's default, counted as {@code cl100k_base})
 * @param summariseBefore the place before which the messages should be summarised for the window to fit beside a
 *        summary; 0 when none need to be (the context is complete, or not even the latest message fits)
 */
public record ModelContext(String model, AgentProfile agent, String systemPrompt, int systemTokens, Summary summary,
        int summaryTokens, List<Message> messages, int messageTokens, boolean complete, long summariseBefore,
        int maxTokens, int maxMessages) {

    public int tokens() {
        return systemTokens + summaryTokens + messageTokens;
    }

    /**
     * The messages of the call, in the Chat Completions format: the system prompt, the summary, the extra system text
     * given (the passages retrieved for this turn, when there are), then the conversation's messages.
     */
    public List<ChatMessage> forModel(String extraSystemText) {
        List<ChatMessage> chat = new ArrayList<>(messages.size() + 3);
        if (systemPrompt != null) {
            chat.add(ChatMessage.system(systemPrompt));
        }
        if (summary != null) {
            chat.add(summary.forModel());
        }
        if (extraSystemText != null) {
            chat.add(ChatMessage.system(extraSystemText));
        }
        for (Message message : messages) {
            chat.add(ContextService.chatMessage(message));
        }
        return chat;
    }
}
