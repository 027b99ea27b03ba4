package dev.flotilla.conversation.context;

import dev.flotilla.conversation.agent.AgentProfile;
import dev.flotilla.conversation.message.Message;
import dev.flotilla.conversation.model.ChatMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * What the next model call of a conversation is given: the system prompt (the agent's, with the user's prompt
 * customizations; null without an agent), then the most recent messages that fit the budget, oldest first.
 * {@code complete} when no older message was left out.
 *
 * @param model the model the context was counted for (null: the provider's default, counted as {@code cl100k_base})
 */
public record ModelContext(String model, AgentProfile agent, String systemPrompt, int systemTokens,
        List<Message> messages, int messageTokens, boolean complete, int maxTokens, int maxMessages) {

    public int tokens() {
        return systemTokens + messageTokens;
    }

    /**
     * The messages of the call, in the Chat Completions format: the system prompt, the extra system text given (the
     * passages retrieved for this turn, when there are), then the conversation's messages.
     */
    public List<ChatMessage> forModel(String extraSystemText) {
        List<ChatMessage> chat = new ArrayList<>(messages.size() + 2);
        if (systemPrompt != null) {
            chat.add(ChatMessage.system(systemPrompt));
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
