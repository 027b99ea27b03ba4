package dev.flotilla.conversation.chat;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.policy.PolicyClient;
import dev.flotilla.common.policy.PolicyQuestion;
import dev.flotilla.conversation.access.OwnerScope;
import dev.flotilla.conversation.context.ContextService;
import dev.flotilla.conversation.context.ModelContext;
import dev.flotilla.conversation.conversation.Conversation;
import dev.flotilla.conversation.conversation.ConversationService;
import dev.flotilla.conversation.memory.MemoryService;
import dev.flotilla.conversation.message.Message;
import dev.flotilla.conversation.message.MessageService;
import dev.flotilla.conversation.message.PostMessages;
import dev.flotilla.conversation.model.ChatEvent;
import dev.flotilla.conversation.model.ChatRequest;
import dev.flotilla.conversation.model.ModelClient;
import dev.flotilla.conversation.retrieval.Retrieval;
import dev.flotilla.conversation.retrieval.Retrieved;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A chat turn: the caller may chat in the conversation (policy-service is asked; a denial is a 403, policy-service
 * unreachable a 503), the user's message is stored, passages are retrieved, the context is assembled, the model
 * answers, and its answer is stored as the assistant's message with its usage and citations. The user's message is
 * kept whatever happens to the answer; an answer cut short (the client left, the provider failed mid-way) is stored as
 * far as it came, marked {@code incomplete}.
 */
@ApplicationScoped
public class ChatService {

    /** The policy question of a turn: may the caller {@value} in this conversation. */
    public static final String ACTION = "chat";

    private static final Logger LOG = Logger.getLogger(ChatService.class);

    private final ConversationService conversations;
    private final MessageService messages;
    private final ContextService contexts;
    private final Retrieval retrieval;
    private final ModelClient models;
    private final PolicyClient policy;
    private final MemoryService memory;
    private final Caller caller;

    ChatService(ConversationService conversations, MessageService messages, ContextService contexts,
            Retrieval retrieval, ModelClient models, PolicyClient policy, MemoryService memory, Caller caller) {
        this.conversations = conversations;
        this.messages = messages;
        this.contexts = contexts;
        this.retrieval = retrieval;
        this.models = models;
        this.policy = policy;
        this.memory = memory;
        this.caller = caller;
    }

    /** Everything before the model is called; fails with the turn's problem (404, 403, 503, 400, 422). */
    public Uni<PreparedTurn> prepare(UUID conversationId, ChatTurn turn) {
        UUID tenant = caller.tenant();
        String owner = OwnerScope.of(caller);
        String user = caller.subject();
        String authorization = "Bearer " + caller.rawToken();
        return conversations.get(tenant, conversationId, owner)
                .call(conversation -> mayChat(conversation, turn.model()))
                .chain(conversation -> messages.append(conversation, owner, user, userMessage(turn))
                        .map(stored -> stored.get(0))
                        .chain(stored -> Uni.combine().all()
                                .unis(passages(authorization, turn),
                                        contexts.assemble(conversation, user, authorization, turn.model(), null, null)
                                                .call(context -> remember(conversation, context)))
                                .with((retrieved, context) -> new PreparedTurn(conversation, stored, retrieved,
                                        request(context, retrieved, stored, turn), owner, user))));
    }

    /** The model's whole answer, stored. */
    public Uni<Message> answer(PreparedTurn turn) {
        return models.complete(turn.conversation().aiProvider(), turn.request())
                .chain(completion -> store(turn, Reply.of(completion), null));
    }

    /**
     * The model's answer as it is written, mapped by {@code events}, then the stored message mapped by {@code done};
     * a failure once the model began is {@code failed} of the problem and the message stored as far as it came, a
     * failure before is the stream's failure.
     */
    public <T> Multi<T> stream(PreparedTurn turn, Function<ChatEvent, T> events, Function<Message, T> done,
            Failed<T> failed) {
        StreamedAnswer answer = new StreamedAnswer();
        return models.stream(turn.conversation().aiProvider(), turn.request())
                .invoke(answer::take)
                .map(events)
                .onCompletion().switchTo(() -> storeOnce(turn, answer, null).map(done).toMulti())
                .onFailure().recoverWithMulti(failure -> answer.started()
                        ? storeOnce(turn, answer, "failed").map(stored -> failed.of(failure, stored)).toMulti()
                        : Multi.createFrom().failure(failure))
                .onCancellation().call(() -> storeOnce(turn, answer, "cancelled").replaceWithVoid());
    }

    /** What a stream sends when it fails after the model began: the failure and the message stored of it. */
    @FunctionalInterface
    public interface Failed<T> {
        T of(Throwable failure, Message stored);
    }

    private Uni<Message> storeOnce(PreparedTurn turn, StreamedAnswer answer, String incomplete) {
        return answer.claimStorage() ? store(turn, answer.reply(), incomplete) : Uni.createFrom().nullItem();
    }

    private Uni<Message> store(PreparedTurn turn, Reply reply, String incomplete) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("replyTo", turn.userMessage().id().toString());
        if (reply.finishReason() != null) {
            metadata.put("finishReason", reply.finishReason());
        }
        if (reply.usage() != null) {
            metadata.put("usage", Map.of("promptTokens", reply.usage().promptTokens(),
                    "completionTokens", reply.usage().completionTokens(),
                    "totalTokens", reply.usage().totalTokens()));
        }
        if (!turn.retrieved().isEmpty()) {
            metadata.put("citations", turn.retrieved().citations());
        }
        if (turn.retrieved().unavailable() != null) {
            metadata.put("retrieval", Map.of("skipped", turn.retrieved().unavailable()));
        }
        if (incomplete != null) {
            metadata.put("incomplete", true);
            metadata.put("incompleteReason", incomplete);
        }
        boolean toolCalls = !reply.toolCalls().isEmpty();
        String content = reply.content() == null && !toolCalls ? "" : reply.content();
        return messages.append(turn.conversation(), turn.owner(), turn.actor(),
                new PostMessages("assistant", content, reply.model(), toolCalls ? reply.toolCalls() : null, null,
                        metadata, null, null))
                .map(stored -> stored.get(0));
    }

    /** Asks for older messages to be summarised when the history outgrew the context; never fails the turn. */
    public Uni<Void> remember(Conversation conversation, ModelContext context) {
        if (context.summariseBefore() == 0) {
            return Uni.createFrom().voidItem();
        }
        return memory.request(conversation, context.summariseBefore())
                .onFailure().invoke(failure -> LOG.warnf("Asking for a summary of conversation %s failed: %s",
                        conversation.id(), failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * Completes when policy-service lets the caller chat in {@code conversation} (with {@code model}, or the
     * conversation's); fails with a 403 problem naming the denying policies, or a 503 when policy-service cannot answer.
     */
    public Uni<Void> mayChat(Conversation conversation, String model) {
        return mayChat(conversation.owner(), conversation.id(), conversation.agentId(),
                model != null ? model : conversation.model());
    }

    /** The same question about a conversation of {@code owner}'s that is not created yet ({@code id} null). */
    public Uni<Void> mayChat(String owner, UUID id, UUID agentId, String model) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("ownerId", owner);
        if (agentId != null) {
            attributes.put("agentId", agentId.toString());
        }
        if (model != null) {
            attributes.put("model", model);
        }
        return policy.require(PolicyQuestion.of(caller, ACTION, "conversation", id == null ? null : id.toString(),
                attributes));
    }

    private static PostMessages userMessage(ChatTurn turn) {
        return new PostMessages("user", turn.content(), turn.model(), null, null, null, null, null);
    }

    private Uni<Retrieved> passages(String authorization, ChatTurn turn) {
        return turn.knowledge() == null ? Uni.createFrom().item(Retrieved.none())
                : retrieval.passages(authorization, turn.content(), turn.knowledge().collections(),
                        turn.knowledge().passages());
    }

    private static ChatRequest request(ModelContext context, Retrieved retrieved, Message userMessage, ChatTurn turn) {
        return new ChatRequest(fitted(context, userMessage).model(),
                context.forModel(retrieved.isEmpty() ? null : retrieved.prompt()), turn.temperature(), null, null, null);
    }

    /** {@code context}, when it ends with the turn's last message; a 422 problem when that message does not fit. */
    public static ModelContext fitted(ModelContext context, Message last) {
        List<Message> chosen = context.messages();
        if (chosen.isEmpty() || !chosen.get(chosen.size() - 1).id().equals(last.id())) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The message (" + last.tokenCount()
                    + " tokens) does not fit the context budget of " + context.maxTokens() + " tokens; it was stored");
        }
        return context;
    }
}
