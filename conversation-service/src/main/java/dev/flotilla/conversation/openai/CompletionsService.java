package dev.flotilla.conversation.openai;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.conversation.access.OwnerScope;
import dev.flotilla.conversation.chat.ChatService;
import dev.flotilla.conversation.chat.PreparedTurn;
import dev.flotilla.conversation.context.ContextService;
import dev.flotilla.conversation.conversation.Conversation;
import dev.flotilla.conversation.conversation.ConversationService;
import dev.flotilla.conversation.conversation.NewConversation;
import dev.flotilla.conversation.message.MessageService;
import dev.flotilla.conversation.message.NewMessage;
import dev.flotilla.conversation.message.PostMessages;
import dev.flotilla.conversation.model.ChatRequest;
import dev.flotilla.conversation.retrieval.Retrieved;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The chat turn of the OpenAI-compatible door. A request naming no conversation ({@code metadata.conversation_id})
 * starts one, of the caller's, with every message of the request; a request naming one continues it with the messages
 * that follow the request's last assistant message (an SDK sends the whole history each time; what came before is
 * stored already). Then it is a turn like {@code POST /api/v1/conversations/{id}/chat}: the same policy question, the
 * messages stored, the context assembled, the model's answer stored with its usage.
 */
@ApplicationScoped
public class CompletionsService {

    /** The longest title a started conversation takes from its first user message. */
    static final int TITLE_LENGTH = 80;

    private final ConversationService conversations;
    private final MessageService messages;
    private final ContextService contexts;
    private final ChatService chats;
    private final Caller caller;

    CompletionsService(ConversationService conversations, MessageService messages, ContextService contexts,
            ChatService chats, Caller caller) {
        this.conversations = conversations;
        this.messages = messages;
        this.contexts = contexts;
        this.chats = chats;
        this.caller = caller;
    }

    public Uni<PreparedTurn> prepare(CompletionRequest request) {
        checked(request);
        UUID tenant = caller.tenant();
        String user = caller.subject();
        String continued = request.conversationId();
        if (continued == null) {
            return chats.mayChat(user, null, null, request.model())
                    .chain(() -> conversations.create(tenant, user, new NewConversation(title(request), null, null, null,
                            null, null, request.model(), null, Map.of("source", "openai-compatible"))))
                    .chain(conversation -> turn(conversation, request, request.messages()));
        }
        UUID id = conversationId(continued);
        return conversations.get(tenant, id, OwnerScope.of(caller))
                .call(conversation -> chats.mayChat(conversation, request.model()))
                .chain(conversation -> turn(conversation, request, afterLastAnswer(request.messages())));
    }

    private Uni<PreparedTurn> turn(Conversation conversation, CompletionRequest request,
            List<CompletionRequest.Message> added) {
        String owner = OwnerScope.of(caller);
        String user = caller.subject();
        List<NewMessage> stored = added.stream().map(CompletionsService::newMessage).toList();
        return messages.append(conversation, owner, user,
                new PostMessages(null, null, null, null, null, null, null, stored))
                .chain(appended -> contexts
                        .assemble(conversation, user, "Bearer " + caller.rawToken(), request.model(), null, null)
                        .call(context -> chats.remember(conversation, context))
                        .map(context -> ChatService.fitted(context, appended.get(appended.size() - 1)))
                        .map(context -> new PreparedTurn(conversation, appended.get(appended.size() - 1),
                                Retrieved.none(),
                                new ChatRequest(request.model(), context.forModel(null), request.temperature(),
                                        request.answerLimit(), request.tools(), request.toolChoice()),
                                owner, user)));
    }

    private static void checked(CompletionRequest request) {
        if (request == null) {
            throw new BadRequest("body", "a chat completion request is required");
        }
        if (request.model() == null || request.model().isBlank()) {
            throw new BadRequest("model", "is required");
        }
        if (request.messages() == null || request.messages().isEmpty()) {
            throw new BadRequest("messages", "must hold at least one message");
        }
        for (int i = 0; i < request.messages().size(); i++) {
            if (request.messages().get(i) == null) {
                throw new BadRequest("messages[" + i + "]", "must be a message");
            }
        }
    }

    private static UUID conversationId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("metadata." + CompletionRequest.CONVERSATION_ID, "must be a conversation id");
        }
    }

    /** The messages after the last assistant message: what the client added since the last answer. */
    private static List<CompletionRequest.Message> afterLastAnswer(List<CompletionRequest.Message> all) {
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            if ("assistant".equals(all.get(i).role())) {
                last = i;
            }
        }
        List<CompletionRequest.Message> added = new ArrayList<>(all.subList(last + 1, all.size()));
        if (added.isEmpty()) {
            throw new BadRequest("messages", "must end with a message after the last assistant message");
        }
        return added;
    }

    /** OpenAI's {@code developer} role is the system role of the newer models. */
    private static NewMessage newMessage(CompletionRequest.Message message) {
        String role = "developer".equals(message.role()) ? "system" : message.role();
        return new NewMessage(role, message.text(), null, message.toolCalls(), message.toolCallId(), null, null);
    }

    private static String title(CompletionRequest request) {
        return request.messages().stream().filter(message -> "user".equals(message.role()))
                .map(CompletionRequest.Message::text).filter(text -> text != null && !text.isBlank()).findFirst()
                .map(text -> text.length() > TITLE_LENGTH ? text.substring(0, TITLE_LENGTH) : text).orElse(null);
    }
}
