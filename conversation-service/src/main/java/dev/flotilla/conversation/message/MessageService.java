package dev.flotilla.conversation.message;

import dev.flotilla.common.audit.AuditTrail;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.notification.NotificationOutbox;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.conversation.conversation.Conversation;
import dev.flotilla.conversation.conversation.ConversationService;
import dev.flotilla.conversation.conversation.ConversationStatus;
import dev.flotilla.conversation.model.ChatMessage;
import dev.flotilla.conversation.model.ToolCall;
import dev.flotilla.conversation.tokens.TokenCounter;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The messages of a conversation the caller may see ({@code owner} as in {@link ConversationService}). Every change
 * locks the conversation's row, takes the next sequence numbers under that lock and changes the conversation's
 * counts in the same transaction; so do forks, which copy the history up to a message into a new conversation. Each
 * appended message is announced to notification-service's topic {@code conversation.<conversationId>} from the
 * notification outbox, written in the append's transaction.
 */
@ApplicationScoped
public class MessageService {

    /** The type of the event each appended message is announced with. */
    public static final String CREATED = "conversation.message.created";

    private final Db db;
    private final ConversationService conversations;
    private final TokenCounter tokens;
    private final AuditTrail audit;
    private final NotificationOutbox notifications;
    private final MessageConfig config;
    private final Clock clock;

    /** The characters of messages to append that are counted on the event loop; longer ones on a worker. */
    static final int INLINE_TOKENIZING = 16 * 1024;

    public MessageService(Db db, ConversationService conversations, TokenCounter tokens, AuditTrail audit,
            NotificationOutbox notifications, MessageConfig config, Clock clock) {
        this.db = db;
        this.conversations = conversations;
        this.tokens = tokens;
        this.audit = audit;
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Appends the messages in order; those without a {@code tokenCount} are counted with the model's tokenizer. Each is
     * announced ({@link #CREATED}) in the same transaction.
     */
    public Uni<List<Message>> append(UUID tenant, UUID conversationId, String owner, String actor, PostMessages request) {
        List<MessageRules.Checked> checked = MessageRules.checked(request, config);
        return conversations.get(tenant, conversationId, owner).chain(read -> append(read, owner, actor, checked));
    }

    /**
     * Appends to a conversation the caller has read already (a chat turn): its row is locked and read again in the
     * append's transaction, so a conversation deleted since is still not found.
     */
    public Uni<List<Message>> append(Conversation conversation, String owner, String actor, PostMessages request) {
        return append(conversation, owner, actor, MessageRules.checked(request, config));
    }

    private Uni<List<Message>> append(Conversation conversation, String owner, String actor,
            List<MessageRules.Checked> checked) {
        UUID tenant = conversation.tenant();
        UUID conversationId = conversation.id();
        boolean longTexts = checked.stream().mapToLong(MessageService::textLength).sum() > INLINE_TOKENIZING;
        // Tokenizing long texts is CPU work: off the event loop (short ones cost less than the hop).
        return (longTexts
                ? Uni.createFrom().item(conversation).emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(read -> counted(read, checked))
                : Uni.createFrom().item(() -> counted(conversation, checked)))
                .chain(counts -> db.tx(tx -> conversations.lock(tx, tenant, conversationId, owner).chain(locked -> {
                    long total = counts.stream().mapToLong(Integer::longValue).sum();
                    return conversations.addMessages(tx, locked, checked.size(), total).chain(lastSeq -> {
                        List<Message> messages = messages(locked, checked, counts, lastSeq - checked.size() + 1);
                        return MessageSql.insertAll(tx, messages)
                                .call(() -> audit.record(tx, tenant, "conversation.message.sent", actor,
                                        conversationId.toString(), sent(messages)))
                                .call(() -> announce(tx, messages))
                                .replaceWith(messages);
                    });
                })));
    }

    public Uni<Message> get(UUID tenant, UUID conversationId, String owner, UUID id) {
        return conversations.get(tenant, conversationId, owner)
                .chain(conversation -> MessageSql.find(db.pool(), tenant, conversationId, id))
                .map(message -> found(message, id));
    }

    /** A page in {@code order} ({@code asc}, the default, or {@code desc}) of sequence numbers. */
    public Uni<Page<Message>> page(UUID tenant, UUID conversationId, String owner, String order, PageParams page) {
        boolean ascending = ascending(order);
        Long after = page.after() == null ? null : seq(page.after());
        return conversations.get(tenant, conversationId, owner)
                .chain(conversation -> MessageSql.page(db.pool(), tenant, conversationId, ascending,
                        after != null ? after : ascending ? 0 : Long.MAX_VALUE, page.limit() + 1))
                .map(rows -> Page.fromOverfetch(rows, page.limit(), m -> Cursor.of(m.seq())));
    }

    /**
     * The conversation's latest {@code limit} messages after the place {@code afterSeq} (0: of all), newest first: a
     * model's context is chosen among those its summary does not cover.
     */
    public Uni<List<Message>> latest(Conversation conversation, long afterSeq, int limit) {
        return MessageSql.range(db.pool(), conversation.tenant(), conversation.id(), afterSeq, Long.MAX_VALUE, false,
                limit);
    }

    /** Up to {@code limit} of the conversation's messages between two places (both left out), in order. */
    public Uni<List<Message>> between(Conversation conversation, long afterSeq, long beforeSeq, int limit) {
        return MessageSql.range(db.pool(), conversation.tenant(), conversation.id(), afterSeq, beforeSeq, true, limit);
    }

    /** Every message of a conversation, in order (an export's). */
    public Uni<List<Message>> all(Conversation conversation) {
        return MessageSql.page(db.pool(), conversation.tenant(), conversation.id(), true, 0, Integer.MAX_VALUE);
    }

    public Uni<Void> delete(UUID tenant, UUID conversationId, String owner, UUID id) {
        return db.tx(tx -> conversations.lock(tx, tenant, conversationId, owner)
                .chain(locked -> MessageSql.delete(tx, tenant, conversationId, id)
                        .chain(removedTokens -> conversations.removeMessage(tx, locked, found(removedTokens, id)))));
    }

    /**
     * A new conversation of {@code actor}'s with the history up to and including {@code atMessageId} copied, linked to
     * its parent; answered with its counts.
     */
    public Uni<Conversation> fork(UUID tenant, UUID conversationId, String owner, String actor, ForkRequest request) {
        if (request == null || request.atMessageId() == null) {
            throw new BadRequest("atMessageId", "is required");
        }
        UUID at = request.atMessageId();
        return db.tx(tx -> conversations.lock(tx, tenant, conversationId, owner)
                .chain(source -> MessageSql.find(tx, tenant, conversationId, at).chain(message -> {
                    if (message == null) {
                        throw new ProblemException(ProblemType.UNPROCESSABLE,
                                "atMessageId: message " + at + " is not one of this conversation's",
                                List.of(new Problem.FieldError("atMessageId", "is not a message of this conversation")));
                    }
                    return MessageSql.totalsUpTo(tx, tenant, conversationId, message.seq()).chain(totals -> {
                        Instant now = now();
                        Conversation fork = new Conversation(tenant, Ids.next(), actor, source.title(),
                                source.description(), source.tags(), ConversationStatus.ACTIVE,
                                source.workspaceSessionId(), source.aiProvider(), source.model(), source.agentId(),
                                source.metadata(), totals.messages(), totals.tokens(), message.seq(), source.id(), at, now,
                                now, null, 1);
                        return conversations.insert(tx, fork, actor)
                                .call(() -> MessageSql.copyHistory(tx, tenant, source.id(), fork.id(), message.seq()));
                    });
                })));
    }

    /** The token count of each message: the client's, or the tokenizer's for the message's (or conversation's) model. */
    private List<Integer> counted(Conversation conversation, List<MessageRules.Checked> checked) {
        List<Integer> counts = new ArrayList<>(checked.size());
        for (MessageRules.Checked c : checked) {
            NewMessage m = c.message();
            counts.add(m.tokenCount() != null ? m.tokenCount()
                    : tokens.count(m.model() != null ? m.model() : conversation.model(),
                            new ChatMessage(c.role().wire(), m.content(), m.toolCalls(), m.toolCallId(), null)));
        }
        return counts;
    }

    private List<Message> messages(Conversation conversation, List<MessageRules.Checked> checked, List<Integer> counts,
            long firstSeq) {
        Instant now = now();
        List<Message> messages = new ArrayList<>(checked.size());
        for (int i = 0; i < checked.size(); i++) {
            NewMessage m = checked.get(i).message();
            messages.add(new Message(conversation.tenant(), conversation.id(), firstSeq + i, Ids.next(),
                    checked.get(i).role(), m.content(), m.model(), m.toolCalls(), m.toolCallId(),
                    new JsonObject(m.metadata() == null ? Map.of() : m.metadata()), counts.get(i), now));
        }
        return messages;
    }

    /** One event per message, in order, to the conversation's topic; never with the message's content. */
    private Uni<Void> announce(SqlConnection tx, List<Message> messages) {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (Message message : messages) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("conversationId", message.conversationId().toString());
            data.put("messageId", message.id().toString());
            data.put("role", message.role().wire());
            data.put("seq", message.seq());
            data.put("createdAt", message.createdAt().toString());
            data.put("tokenCount", message.tokenCount());
            written = written.chain(() -> notifications.add(tx, message.tenant(), CREATED, null,
                    "conversation." + message.conversationId(), data));
        }
        return written;
    }

    private static Map<String, Object> sent(List<Message> messages) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("messageIds", messages.stream().map(m -> m.id().toString()).toList());
        detail.put("roles", messages.stream().map(m -> m.role().wire()).distinct().toList());
        return detail;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean ascending(String order) {
        if (order == null || order.toLowerCase(Locale.ROOT).equals("asc")) {
            return true;
        }
        if (order.toLowerCase(Locale.ROOT).equals("desc")) {
            return false;
        }
        throw new BadRequest("order", "must be asc or desc");
    }

    private static long seq(Cursor cursor) {
        try {
            return Long.parseLong(cursor.key(0, 1));
        } catch (NumberFormatException e) {
            throw new BadRequest("cursor", "is not a cursor this endpoint returned");
        }
    }

    private static <T> T found(T found, UUID id) {
        if (found == null) {
            throw new NotFound("message", id);
        }
        return found;
    }

    private static long textLength(MessageRules.Checked checked) {
        NewMessage message = checked.message();
        long length = message.content() == null ? 0 : message.content().length();
        if (message.toolCalls() != null) {
            for (ToolCall call : message.toolCalls()) {
                length += call.function() == null || call.function().arguments() == null ? 0
                        : call.function().arguments().length();
            }
        }
        return length;
    }
}
