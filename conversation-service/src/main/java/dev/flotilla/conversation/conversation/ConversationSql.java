package dev.flotilla.conversation.conversation;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The statements over {@code conversations}, each scoped to a tenant and, where {@code owner} is given, to that user
 * (null: any user of the tenant, for admins). Deleted conversations are found only by {@link #restore} and the purge.
 */
final class ConversationSql {

    private static final String COLUMNS = "tenant_id, id, owner, title, description, tags, status, workspace_session_id,"
            + " ai_provider, model, agent_id, metadata, message_count, token_count, last_seq, parent_conversation_id,"
            + " forked_from_message_id, created_at, updated_at, deleted_at, version";

    private static final String VISIBLE = "tenant_id = $1 and id = $2 and ($3::text is null or owner = $3)"
            + " and status <> 'DELETED'";

    private static final String INSERT = """
            insert into conversation.conversations (%s)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)"""
            .formatted(COLUMNS);

    private static final String FIND = "select " + COLUMNS + " from conversation.conversations where " + VISIBLE;

    private static final String LOCK = FIND + " for update";

    /** Newest first: ids are time-ordered. {@code q} is a pattern with its wildcards escaped. */
    private static final String PAGE = """
            select %s from conversation.conversations
             where tenant_id = $1 and ($2::text is null or owner = $2) and status <> 'DELETED'
               and ($3::text is null or status = $3) and ($4::text is null or tags @> array[$4::text])
               and ($5::text is null or workspace_session_id = $5) and ($6::uuid is null or agent_id = $6)
               and ($7::text is null or title ilike $7)
               and ($8::uuid is null or id < $8)
             order by id desc
             limit $9""".formatted(COLUMNS);

    private static final String UPDATE = """
            update conversation.conversations
               set title = $3, description = $4, tags = $5, status = $6, workspace_session_id = $7, ai_provider = $8,
                   model = $9, agent_id = $10, metadata = $11, updated_at = $12, version = version + 1
             where tenant_id = $1 and id = $2
            returning %s""".formatted(COLUMNS);

    private static final String SOFT_DELETE = """
            update conversation.conversations set status = 'DELETED', deleted_at = $4, updated_at = $4,
                   version = version + 1
             where %s
            returning %s""".formatted(VISIBLE, COLUMNS);

    private static final String RESTORE = """
            update conversation.conversations set status = 'ACTIVE', deleted_at = null, updated_at = $4,
                   version = version + 1
             where tenant_id = $1 and id = $2 and ($3::text is null or owner = $3) and status = 'DELETED'
            returning %s""".formatted(COLUMNS);

    /** Takes the sequence numbers of $3 new messages; the row is locked already ({@link #LOCK}). */
    private static final String ADD_MESSAGES = """
            update conversation.conversations
               set last_seq = last_seq + $3, message_count = message_count + $3, token_count = token_count + $4,
                   updated_at = $5
             where tenant_id = $1 and id = $2
            returning last_seq""";

    private static final String REMOVE_MESSAGE = """
            update conversation.conversations
               set message_count = message_count - 1, token_count = token_count - $3, updated_at = $4
             where tenant_id = $1 and id = $2""";

    /** The parent and the forks of $4, visible to the caller. */
    private static final String RELATED = """
            select %s from conversation.conversations
             where tenant_id = $1 and ($2::text is null or owner = $2) and status <> 'DELETED'
               and (id = $3 or parent_conversation_id = $4) and id <> $4
             order by id
             limit $5""".formatted(COLUMNS);

    /** Deletes at most $2 conversations deleted before $1, longest deleted first; replicas take different ones. */
    private static final String PURGE = """
            delete from conversation.conversations c
             using (select tenant_id, id from conversation.conversations
                     where status = 'DELETED' and deleted_at <= $1
                     order by deleted_at
                     limit $2
                       for update skip locked) due
             where c.tenant_id = due.tenant_id and c.id = due.id
            returning c.tenant_id, c.id, c.owner, c.deleted_at, c.message_count""";

    private ConversationSql() {
    }

    /** A conversation purged: whose it was, when it was deleted and how many messages went with it. */
    record Purged(UUID tenant, UUID id, String owner, Instant deletedAt, int messageCount) {
    }

    static Uni<Void> insert(SqlClient client, Conversation c) {
        return client.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(c.tenant(), c.id(), c.owner(), c.title(),
                c.description(), c.tags().toArray(String[]::new), c.status().name(), c.workspaceSessionId(),
                c.aiProvider(), c.model(), c.agentId(), c.metadata(), c.messageCount(), c.tokenCount(), c.lastSeq(),
                c.parentConversationId(), c.forkedFromMessageId(), Db.ts(c.createdAt()), Db.ts(c.updatedAt()),
                Db.ts(c.deletedAt()), c.version()))).replaceWithVoid();
    }

    static Uni<Conversation> find(SqlClient client, UUID tenant, UUID id, String owner) {
        return client.preparedQuery(FIND).execute(Tuple.from(Arrays.asList(tenant, id, owner)))
                .map(rows -> SqlResults.firstRow(rows, ConversationSql::conversation));
    }

    static Uni<Conversation> lock(SqlClient client, UUID tenant, UUID id, String owner) {
        return client.preparedQuery(LOCK).execute(Tuple.from(Arrays.asList(tenant, id, owner)))
                .map(rows -> SqlResults.firstRow(rows, ConversationSql::conversation));
    }

    static Uni<List<Conversation>> page(SqlClient client, UUID tenant, String owner, ConversationFilter filter,
            UUID before, int limit) {
        String pattern = filter.titleContains() == null ? null : "%" + escaped(filter.titleContains()) + "%";
        return client.preparedQuery(PAGE).execute(Tuple.from(Arrays.asList(tenant, owner,
                filter.status() == null ? null : filter.status().name(), filter.tag(), filter.workspaceSessionId(),
                filter.agentId(), pattern, before, limit))).map(ConversationSql::all);
    }

    static Uni<Conversation> update(SqlClient client, Conversation current, ConversationFields f, Instant now) {
        return client.preparedQuery(UPDATE).execute(Tuple.from(Arrays.asList(current.tenant(), current.id(), f.title(),
                f.description(), f.tags().toArray(String[]::new), f.status().name(), f.workspaceSessionId(),
                f.aiProvider(), f.model(), f.agentId(), f.metadata(), Db.ts(now))))
                .map(rows -> SqlResults.firstRow(rows, ConversationSql::conversation));
    }

    static Uni<Conversation> softDelete(SqlClient client, UUID tenant, UUID id, String owner, Instant now) {
        return client.preparedQuery(SOFT_DELETE).execute(Tuple.from(Arrays.asList(tenant, id, owner, Db.ts(now))))
                .map(rows -> SqlResults.firstRow(rows, ConversationSql::conversation));
    }

    static Uni<Conversation> restore(SqlClient client, UUID tenant, UUID id, String owner, Instant now) {
        return client.preparedQuery(RESTORE).execute(Tuple.from(Arrays.asList(tenant, id, owner, Db.ts(now))))
                .map(rows -> SqlResults.firstRow(rows, ConversationSql::conversation));
    }

    /** The sequence number of the last of the {@code count} messages added. */
    static Uni<Long> addMessages(SqlClient client, UUID tenant, UUID id, int count, long tokens, Instant now) {
        return client.preparedQuery(ADD_MESSAGES).execute(Tuple.of(tenant, id, count, tokens, Db.ts(now)))
                .map(rows -> rows.iterator().next().getLong("last_seq"));
    }

    static Uni<Void> removeMessage(SqlClient client, UUID tenant, UUID id, int tokens, Instant now) {
        return client.preparedQuery(REMOVE_MESSAGE).execute(Tuple.of(tenant, id, tokens, Db.ts(now))).replaceWithVoid();
    }

    static Uni<List<Conversation>> related(SqlClient client, Conversation of, String owner, int limit) {
        return client.preparedQuery(RELATED).execute(Tuple.from(Arrays.asList(of.tenant(), owner,
                of.parentConversationId(), of.id(), limit))).map(ConversationSql::all);
    }

    static Uni<List<Purged>> purge(SqlClient client, Instant deletedBefore, int limit) {
        return client.preparedQuery(PURGE).execute(Tuple.of(Db.ts(deletedBefore), limit)).map(rows -> {
            List<Purged> purged = new ArrayList<>(rows.size());
            rows.forEach(row -> purged.add(new Purged(row.getUUID("tenant_id"), row.getUUID("id"), row.getString("owner"),
                    Db.instant(row, "deleted_at"), row.getInteger("message_count"))));
            return purged;
        });
    }

    /** {@code text} matched literally by {@code ilike}: its wildcards and the escape character escaped. */
    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<Conversation> all(RowSet<Row> rows) {
        List<Conversation> found = new ArrayList<>(rows.size());
        rows.forEach(row -> found.add(conversation(row)));
        return found;
    }

    private static Conversation conversation(Row row) {
        return new Conversation(row.getUUID("tenant_id"), row.getUUID("id"), row.getString("owner"),
                row.getString("title"), row.getString("description"), List.of(row.getArrayOfStrings("tags")),
                ConversationStatus.valueOf(row.getString("status")), row.getString("workspace_session_id"),
                row.getString("ai_provider"), row.getString("model"), row.getUUID("agent_id"),
                row.getJsonObject("metadata"), row.getInteger("message_count"), row.getLong("token_count"),
                row.getLong("last_seq"), row.getUUID("parent_conversation_id"), row.getUUID("forked_from_message_id"),
                Db.instant(row, "created_at"), Db.instant(row, "updated_at"), Db.instant(row, "deleted_at"),
                row.getInteger("version"));
    }
}
