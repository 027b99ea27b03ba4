package dev.flotilla.conversation.conversation;

import dev.flotilla.common.audit.AuditTrail;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.common.request.Preconditions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Conversations: created by a user and theirs; {@code owner} limits a call to one user's (null: the tenant's, for
 * admins), so another user's conversation is not found, as another tenant's is. A deleted conversation is hidden from
 * every read until restored, and purged after the retention period. Creation, deletion, restoring and purging are
 * written to the audit trail in the change's transaction. The message package changes the counts through
 * {@link #lock}, {@link #addMessages} and {@link #removeMessage}, in its own transactions.
 */
@ApplicationScoped
public class ConversationService {

    static final int MAX_QUERY = 500;
    static final int MAX_RELATED = 500;

    private final Db db;
    private final AuditTrail audit;
    private final Clock clock;

    public ConversationService(Db db, AuditTrail audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Conversation> create(UUID tenant, String user, NewConversation request) {
        ConversationFields f = ConversationRules.created(request);
        Instant now = now();
        Conversation created = new Conversation(tenant, Ids.next(), user, f.title(), f.description(), f.tags(), f.status(),
                f.workspaceSessionId(), f.aiProvider(), f.model(), f.agentId(), f.metadata(), 0, 0, 0, null, null, now, now,
                null, 1);
        return db.tx(tx -> insert(tx, created, user));
    }

    /** Writes {@code conversation} (a new one, a fork say) in {@code tx}, audited as created by {@code actor}. */
    public Uni<Conversation> insert(SqlConnection tx, Conversation conversation, String actor) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("owner", conversation.owner());
        if (conversation.parentConversationId() != null) {
            detail.put("forkedFrom", conversation.parentConversationId().toString());
            detail.put("forkedFromMessageId", conversation.forkedFromMessageId().toString());
        }
        return ConversationSql.insert(tx, conversation)
                .call(() -> audited(tx, conversation, "created", actor, detail)).replaceWith(conversation);
    }

    public Uni<Conversation> get(UUID tenant, UUID id, String owner) {
        return ConversationSql.find(db.pool(), tenant, id, owner).map(found -> found(found, id));
    }

    public Uni<Page<Conversation>> list(UUID tenant, String owner, String status, String tag, String workspaceSessionId,
            UUID agentId, String q, PageParams page) {
        if (q != null && q.length() > MAX_QUERY) {
            throw new BadRequest("q", "must be at most " + MAX_QUERY + " characters");
        }
        ConversationFilter filter = new ConversationFilter(ConversationRules.listed(status), blankAsNull(tag),
                blankAsNull(workspaceSessionId), agentId, blankAsNull(q));
        UUID before = page.after() == null ? null : page.after().id();
        return ConversationSql.page(db.pool(), tenant, owner, filter, before, page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), c -> Cursor.of(c.id())));
    }

    /** Applies a JSON merge patch (RFC 7396); {@code If-Match} is required and honoured. */
    public Uni<Conversation> patch(UUID tenant, UUID id, String owner, String ifMatch, Map<String, Object> patch) {
        return db.tx(tx -> lock(tx, tenant, id, owner).chain(current -> {
            Preconditions.require(ifMatch, "conversation");
            Preconditions.check(ifMatch, current.etag(), "conversation");
            return ConversationSql.update(tx, current, ConversationRules.patched(current, patch), now());
        }));
    }

    /** Hides the conversation from every read until it is restored or purged. */
    public Uni<Conversation> delete(UUID tenant, UUID id, String owner, String actor) {
        return db.tx(tx -> ConversationSql.softDelete(tx, tenant, id, owner, now())
                .map(deleted -> found(deleted, id))
                .call(deleted -> audited(tx, deleted, "deleted", actor, Map.of("owner", deleted.owner()))));
    }

    /** Makes a deleted conversation ACTIVE again; one not deleted is answered as it is. */
    public Uni<Conversation> restore(UUID tenant, UUID id, String owner, String actor) {
        return db.tx(tx -> ConversationSql.restore(tx, tenant, id, owner, now()).chain(restored -> restored == null
                ? ConversationSql.find(tx, tenant, id, owner).map(found -> found(found, id))
                : audited(tx, restored, "restored", actor, Map.of("owner", restored.owner())).replaceWith(restored)));
    }

    /** The conversation it was forked from and those forked from it, that the caller may see. */
    public Uni<List<RelatedConversation>> related(UUID tenant, UUID id, String owner) {
        return get(tenant, id, owner).chain(conversation -> ConversationSql
                .related(db.pool(), conversation, owner, MAX_RELATED)
                .map(found -> found.stream().map(other -> new RelatedConversation(other.id(),
                        other.id().equals(conversation.parentConversationId()) ? RelatedConversation.Relation.PARENT
                                : RelatedConversation.Relation.FORK,
                        other.title(), other.forkedFromMessageId(), other.createdAt())).toList()));
    }

    /** The conversation, locked for the rest of {@code tx}: the changes of its messages take turns. */
    public Uni<Conversation> lock(SqlConnection tx, UUID tenant, UUID id, String owner) {
        return ConversationSql.lock(tx, tenant, id, owner).map(found -> found(found, id));
    }

    /** Counts {@code count} new messages of {@code tokens} in all; answers the sequence number of the last one. */
    public Uni<Long> addMessages(SqlConnection tx, Conversation locked, int count, long tokens) {
        return ConversationSql.addMessages(tx, locked.tenant(), locked.id(), count, tokens, now());
    }

    /** Counts a message of {@code tokens} removed. */
    public Uni<Void> removeMessage(SqlConnection tx, Conversation locked, int tokens) {
        return ConversationSql.removeMessage(tx, locked.tenant(), locked.id(), tokens, now());
    }

    /**
     * Purges at most {@code limit} conversations deleted before {@code deletedBefore}, their messages with them, each
     * audited in the same transaction; answers how many.
     */
    public Uni<Integer> purge(Instant deletedBefore, int limit) {
        return db.tx(tx -> ConversationSql.purge(tx, deletedBefore, limit)
                .call(purged -> Multi.createFrom().iterable(purged)
                        .onItem().transformToUni(p -> audit.record(tx, p.tenant(), "conversation.purged", null,
                                p.id().toString(), Map.of("owner", p.owner(), "deletedAt", p.deletedAt().toString(),
                                        "messageCount", p.messageCount())))
                        .concatenate().collect().last())
                .map(List::size));
    }

    private Uni<Void> audited(SqlConnection tx, Conversation conversation, String what, String actor,
            Map<String, Object> detail) {
        return audit.record(tx, conversation.tenant(), "conversation." + what, actor, conversation.id().toString(), detail);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Conversation found(Conversation conversation, UUID id) {
        if (conversation == null) {
            throw new NotFound("conversation", id);
        }
        return conversation;
    }
}
