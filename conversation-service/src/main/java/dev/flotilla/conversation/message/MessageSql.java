package dev.flotilla.conversation.message;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.conversation.model.ToolCall;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The statements over {@code messages}, each scoped to a tenant and a conversation the caller was found to see. Pages
 * read the primary key {@code (tenant_id, conversation_id, seq)} from the cursor on, in either direction.
 */
final class MessageSql {

    private static final String COLUMNS = "tenant_id, conversation_id, seq, id, role, content, model, tool_calls,"
            + " tool_call_id, metadata, token_count, created_at";

    private static final String INSERT = """
            insert into conversation.messages (%s)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""".formatted(COLUMNS);

    private static final String FIND = """
            select %s from conversation.messages
             where tenant_id = $1 and conversation_id = $2 and id = $3""".formatted(COLUMNS);

    private static final String PAGE_ASC = """
            select %s from conversation.messages
             where tenant_id = $1 and conversation_id = $2 and seq > $3
             order by seq
             limit $4""".formatted(COLUMNS);

    private static final String PAGE_DESC = """
            select %s from conversation.messages
             where tenant_id = $1 and conversation_id = $2 and seq < $3
             order by seq desc
             limit $4""".formatted(COLUMNS);

    private static final String RANGE_ASC = """
            select %s from conversation.messages
             where tenant_id = $1 and conversation_id = $2 and seq > $3 and seq < $4
             order by seq
             limit $5""".formatted(COLUMNS);

    private static final String RANGE_DESC = """
            select %s from conversation.messages
             where tenant_id = $1 and conversation_id = $2 and seq > $3 and seq < $4
             order by seq desc
             limit $5""".formatted(COLUMNS);

    private static final String DELETE = """
            delete from conversation.messages
             where tenant_id = $1 and conversation_id = $2 and id = $3
            returning token_count""";

    private static final String TOTALS_UP_TO = """
            select count(*) as messages, coalesce(sum(token_count), 0) as tokens from conversation.messages
             where tenant_id = $1 and conversation_id = $2 and seq <= $3""";

    /** The history of $2 up to $4 copied into $3, at the same places, under new ids. */
    private static final String COPY_HISTORY = """
            insert into conversation.messages (%s)
            select tenant_id, $3, seq, uuidv7(), role, content, model, tool_calls, tool_call_id, metadata, token_count,
                   created_at
              from conversation.messages
             where tenant_id = $1 and conversation_id = $2 and seq <= $4
             order by seq""".formatted(COLUMNS);

    private MessageSql() {
    }

    /** How many messages, of how many tokens, a conversation holds up to a place. */
    record Totals(int messages, long tokens) {
    }

    static Uni<Void> insertAll(SqlClient client, List<Message> messages) {
        List<Tuple> rows = messages.stream().map(m -> Tuple.from(Arrays.asList(m.tenant(), m.conversationId(), m.seq(),
                m.id(), m.role().wire(), m.content(), m.model(), toolCalls(m.toolCalls()), m.toolCallId(), m.metadata(),
                m.tokenCount(), Db.ts(m.createdAt())))).toList();
        return client.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    static Uni<Message> find(SqlClient client, UUID tenant, UUID conversation, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, conversation, id))
                .map(rows -> SqlResults.firstRow(rows, MessageSql::message));
    }

    /** Up to {@code limit} messages after {@code seq} ({@code ascending}) or before it. */
    static Uni<List<Message>> page(SqlClient client, UUID tenant, UUID conversation, boolean ascending, long seq,
            int limit) {
        return client.preparedQuery(ascending ? PAGE_ASC : PAGE_DESC).execute(Tuple.of(tenant, conversation, seq, limit))
                .map(MessageSql::all);
    }

    /** Up to {@code limit} messages between two places (both left out), oldest ({@code ascending}) or newest first. */
    static Uni<List<Message>> range(SqlClient client, UUID tenant, UUID conversation, long afterSeq, long beforeSeq,
            boolean ascending, int limit) {
        return client.preparedQuery(ascending ? RANGE_ASC : RANGE_DESC)
                .execute(Tuple.of(tenant, conversation, afterSeq, beforeSeq, limit)).map(MessageSql::all);
    }

    /** The tokens of the message deleted; null when there was none. */
    static Uni<Integer> delete(SqlClient client, UUID tenant, UUID conversation, UUID id) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant, conversation, id))
                .map(rows -> SqlResults.firstRow(rows, row -> row.getInteger("token_count")));
    }

    static Uni<Totals> totalsUpTo(SqlClient client, UUID tenant, UUID conversation, long seq) {
        return client.preparedQuery(TOTALS_UP_TO).execute(Tuple.of(tenant, conversation, seq)).map(rows -> {
            Row row = rows.iterator().next();
            return new Totals(row.getLong("messages").intValue(), row.getLong("tokens"));
        });
    }

    static Uni<Void> copyHistory(SqlClient client, UUID tenant, UUID from, UUID to, long upToSeq) {
        return client.preparedQuery(COPY_HISTORY).execute(Tuple.of(tenant, from, to, upToSeq)).replaceWithVoid();
    }

    private static JsonArray toolCalls(List<ToolCall> calls) {
        if (calls == null) {
            return null;
        }
        JsonArray array = new JsonArray();
        calls.forEach(call -> array.add(JsonObject.mapFrom(call)));
        return array;
    }

    private static List<Message> all(RowSet<Row> rows) {
        List<Message> found = new ArrayList<>(rows.size());
        rows.forEach(row -> found.add(message(row)));
        return found;
    }

    private static Message message(Row row) {
        JsonArray calls = row.getJsonArray("tool_calls");
        List<ToolCall> toolCalls = calls == null ? null
                : calls.stream().map(call -> ((JsonObject) call).mapTo(ToolCall.class)).toList();
        return new Message(row.getUUID("tenant_id"), row.getUUID("conversation_id"), row.getLong("seq"),
                row.getUUID("id"), MessageRole.of(row.getString("role")), row.getString("content"), row.getString("model"),
                toolCalls, row.getString("tool_call_id"), row.getJsonObject("metadata"), row.getInteger("token_count"),
                Db.instant(row, "created_at"));
    }
}
