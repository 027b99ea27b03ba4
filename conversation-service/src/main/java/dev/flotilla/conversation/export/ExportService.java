package dev.flotilla.conversation.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.conversation.conversation.ConversationService;
import dev.flotilla.conversation.conversation.ConversationView;
import dev.flotilla.conversation.message.MessageService;
import dev.flotilla.conversation.message.MessageView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A conversation the caller may see, with all its messages, as a file to download. */
@ApplicationScoped
public class ExportService {

    private final ConversationService conversations;
    private final MessageService messages;
    private final ObjectMapper json;
    private final Clock clock;

    public ExportService(ConversationService conversations, MessageService messages, ObjectMapper json, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    public Uni<ConversationExport> export(UUID tenant, UUID id, String owner, String format) {
        ExportFormat as = ExportFormat.of(format);
        return conversations.get(tenant, id, owner).chain(conversation -> messages.all(conversation).map(found -> {
            ConversationView view = ConversationView.of(conversation);
            List<MessageView> views = found.stream().map(MessageView::of).toList();
            String body = as == ExportFormat.JSON ? json(new ExportDocument(view, views, clock.instant()))
                    : MarkdownWriter.write(view, views);
            return new ConversationExport(body, as.mediaType(), "conversation-" + id + "." + as.extension());
        }));
    }

    private String json(ExportDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
