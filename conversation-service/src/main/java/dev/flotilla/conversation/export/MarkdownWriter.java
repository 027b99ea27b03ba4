package dev.flotilla.conversation.export;

import dev.flotilla.conversation.conversation.ConversationView;
import dev.flotilla.conversation.message.MessageView;
import dev.flotilla.conversation.model.ToolCall;

import java.util.List;

/**
 * A conversation as Markdown: a heading with the title, the conversation's facts as a list, then each message under a
 * heading naming its role; tool calls as JSON code blocks. Message content is written as it is (it is Markdown more
 * often than not).
 */
final class MarkdownWriter {

    private MarkdownWriter() {
    }

    static String write(ConversationView conversation, List<MessageView> messages) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(oneLine(conversation.title() == null ? "Conversation " + conversation.id()
                : conversation.title())).append("\n\n");
        if (conversation.description() != null) {
            md.append(conversation.description()).append("\n\n");
        }
        md.append("- Conversation: ").append(conversation.id()).append('\n');
        md.append("- Created: ").append(conversation.createdAt()).append('\n');
        if (conversation.model() != null) {
            md.append("- Model: ").append(oneLine(conversation.model())).append('\n');
        }
        if (!conversation.tags().isEmpty()) {
            md.append("- Tags: ").append(oneLine(String.join(", ", conversation.tags()))).append('\n');
        }
        md.append("- Messages: ").append(conversation.messageCount()).append(", tokens: ")
                .append(conversation.tokenCount()).append('\n');
        for (MessageView message : messages) {
            md.append("\n## ").append(message.role());
            if (message.toolCallId() != null) {
                md.append(" (answer to ").append(oneLine(message.toolCallId())).append(')');
            }
            md.append("\n\n_").append(message.createdAt()).append("_\n\n");
            if (message.content() != null) {
                md.append(message.content()).append("\n");
            }
            if (message.toolCalls() != null) {
                for (ToolCall call : message.toolCalls()) {
                    md.append("\nTool call `").append(oneLine(call.id())).append("`: `")
                            .append(oneLine(call.function().name())).append("`\n\n```json\n")
                            .append(call.function().arguments()).append("\n```\n");
                }
            }
        }
        return md.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
