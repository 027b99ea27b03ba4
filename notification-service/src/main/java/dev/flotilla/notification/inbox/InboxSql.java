package dev.flotilla.notification.inbox;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.notification.event.Event;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statements over {@code inbox} and {@code inbox_heads}. Each change of a recipient's inbox is
 * one statement that locks the recipient's head row before it touches a notification, and moves
 * the head's {@code unread} by exactly the notifications whose unread state it changed. So changes
 * of one recipient run one after another, the count stays equal to the notifications that are
 * neither read nor archived, and a recipient's new notifications commit in the order of their
 * {@code seq}. A change that moves the count is announced on {@link #CHANNEL} in its transaction
 * (delivered when it commits) with a small JSON payload: tenant, recipient, the head's {@code seq}
 * and {@code unread}; new notifications are announced by {@link InboxWriter} once their event's
 * transaction has committed.
 */
final class InboxSql {

    /** Where inbox changes are announced, to every replica's open streams. */
    static final String CHANNEL = "notification_inbox";

    private static final String COLUMNS = "id, seq, event_id, type, subject, data::text as data, created_at, read_at, archived_at";

    /** The announcement of head {@code h}'s new position; listeners read only its tenant and recipient. */
    private static final String ANNOUNCE = "pg_notify('" + CHANNEL + "', json_build_object('tenant', h.tenant_id,"
            + " 'recipient', h.recipient, 'seq', h.last_seq, 'unread', h.unread)::text)";

    /**
     * The event $4 into the inboxes of tenant $1's recipients $2 (distinct), with the ids $3. The
     * heads are upserted in recipient order, so concurrent events wait for each other instead of
     * deadlocking; each head's lock is held until the event's transaction ends.
     */
    private static final String DELIVER = """
            with heads as (
                insert into notification.inbox_heads as h (tenant_id, recipient, last_seq, unread)
                select $1::uuid, r.recipient, 1, 1 from unnest($2::text[]) as r (recipient) order by r.recipient
                on conflict (tenant_id, recipient) do update set last_seq = h.last_seq + 1, unread = h.unread + 1
                returning h.tenant_id, h.recipient, h.last_seq, h.unread),
            items as (
                insert into notification.inbox (id, tenant_id, recipient, seq, event_id, type, subject, data, created_at)
                select r.id, h.tenant_id, h.recipient, h.last_seq, $4::uuid, $5::text, $6::text, $7::jsonb,
                       coalesce($8::timestamptz, now())
                  from heads h join unnest($2::text[], $3::uuid[]) as r (recipient, id) on r.recipient = h.recipient)
            select h.recipient from heads h""";

    /** Recipient $2 of tenant $1: its head's position and count, and its notifications after seq $3, at most $4. */
    private static final String AFTER = """
            select coalesce(h.last_seq, 0) as last_seq, coalesce(h.unread, 0) as unread, i.*
              from (select 1) one
              left join notification.inbox_heads h on h.tenant_id = $1 and h.recipient = $2
              left join lateral (select %s from notification.inbox
                                  where tenant_id = $1 and recipient = $2 and seq > $3 order by seq limit $4) i on true
             order by i.seq""".formatted(COLUMNS);

    private static final String FIND = "select " + COLUMNS
            + " from notification.inbox where tenant_id = $1 and recipient = $2 and id = $3";

    private static final String UNREAD = "select unread from notification.inbox_heads where tenant_id = $1 and recipient = $2";

    private static final String BY_ID = " and i.id = $3";

    /** Whether notification $3 exists; an unchanged one (read again) is still found. */
    private static final String EXISTS = "exists (select 1 from notification.inbox where tenant_id = $1 and recipient = $2 and id = $3)";

    /** How each change of notification $3 alters it, and which of the notifications it changed it counts. */
    private static final Map<InboxChange, String> CHANGES = new EnumMap<>(Map.of(
            InboxChange.READ, changeStatement("update notification.inbox i set read_at = now() from head h"
                    + " where %s and i.read_at is null" + BY_ID + " returning i.archived_at is null as counted", "-", EXISTS),
            InboxChange.UNREAD, changeStatement("update notification.inbox i set read_at = null from head h"
                    + " where %s and i.read_at is not null" + BY_ID + " returning i.archived_at is null as counted", "+",
                    EXISTS),
            InboxChange.ARCHIVE, changeStatement("update notification.inbox i set archived_at = now() from head h"
                    + " where %s and i.archived_at is null" + BY_ID + " returning i.read_at is null as counted", "-", EXISTS),
            InboxChange.UNARCHIVE, changeStatement("update notification.inbox i set archived_at = null from head h"
                    + " where %s and i.archived_at is not null" + BY_ID + " returning i.read_at is null as counted", "+",
                    EXISTS),
            // A notification deleted meanwhile is as missing as one that never was.
            InboxChange.DELETE, changeStatement("delete from notification.inbox i using head h where %s" + BY_ID
                    + " returning i.read_at is null and i.archived_at is null as counted", "-", "false")));

    /** What a change did: the notifications it changed, and whether the one it named exists. */
    record Changed(long changed, boolean found) {

        boolean foundOrChanged() {
            return found || changed > 0;
        }
    }

    /** A recipient's head (its last seq and unread count) and its notifications after a seq, read at one instant. */
    record Snapshot(long lastSeq, int unread, List<InboxItem> items) {
    }

    private InboxSql() {
    }

    static Uni<List<String>> deliver(SqlClient client, Event event, List<String> recipients, List<UUID> ids) {
        return client.preparedQuery(DELIVER)
                .execute(Tuple.from(new Object[] { event.tenant(), recipients.toArray(String[]::new),
                        ids.toArray(UUID[]::new), event.id(), event.type(), event.subject(), event.data(),
                        Db.ts(event.createdAt()) }))
                .map(rows -> {
                    List<String> written = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        written.add(row.getString("recipient"));
                    }
                    return written;
                });
    }

    static Uni<InboxItem> find(SqlClient client, UUID tenant, String recipient, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, recipient, id))
                .map(rows -> SqlResults.firstRow(rows, InboxSql::item));
    }

    /** The head's unread count; 0 for a recipient who never had a notification. */
    static Uni<Integer> unread(SqlClient client, UUID tenant, String recipient) {
        return client.preparedQuery(UNREAD).execute(Tuple.of(tenant, recipient))
                .map(rows -> {
                    Integer unread = SqlResults.firstRow(rows, row -> row.getInteger("unread"));
                    return unread == null ? 0 : unread;
                });
    }

    /** The recipient's notifications newest first, those before seq {@code before} if given, at most {@code limit}. */
    static Uni<List<InboxItem>> page(SqlClient client, UUID tenant, String recipient, InboxFilter filter, Long before,
            int limit) {
        List<Object> params = new ArrayList<>(List.of(tenant, recipient));
        StringBuilder sql = new StringBuilder("select " + COLUMNS
                + " from notification.inbox where tenant_id = $1 and recipient = $2");
        if (before != null) {
            params.add(before);
            sql.append(" and seq < $").append(params.size());
        }
        if (filter.unread() != null) {
            sql.append(filter.unread() ? " and read_at is null" : " and read_at is not null");
        }
        sql.append(filter.archived() ? " and archived_at is not null" : " and archived_at is null");
        sql.append(typeClause("type", filter.type(), params));
        params.add(limit);
        sql.append(" order by seq desc limit $").append(params.size());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(InboxSql::items);
    }

    static Uni<Snapshot> after(SqlClient client, UUID tenant, String recipient, long after, int limit) {
        return client.preparedQuery(AFTER).execute(Tuple.of(tenant, recipient, after, limit)).map(rows -> {
            long lastSeq = 0;
            int unread = 0;
            List<InboxItem> items = new ArrayList<>(rows.size());
            for (Row row : rows) {
                lastSeq = row.getLong("last_seq");
                unread = row.getInteger("unread");
                if (row.getUUID("id") != null) {
                    items.add(item(row));
                }
            }
            return new Snapshot(lastSeq, unread, items);
        });
    }

    static Uni<Changed> change(SqlClient client, UUID tenant, String recipient, UUID id, InboxChange change) {
        return client.preparedQuery(CHANGES.get(change)).execute(Tuple.of(tenant, recipient, id)).map(InboxSql::changed);
    }

    /** Marks the recipient's unread notifications read, those of a type {@code pattern} selects if given. */
    static Uni<Changed> readAll(SqlClient client, UUID tenant, String recipient, String pattern) {
        List<Object> params = new ArrayList<>(List.of(tenant, recipient));
        String changing = "update notification.inbox i set read_at = now() from head h where %s and i.read_at is null"
                + typeClause("i.type", pattern, params) + " returning i.archived_at is null as counted";
        return client.preparedQuery(changeStatement(changing, "-", "true")).execute(Tuple.from(params))
                .map(InboxSql::changed);
    }

    /**
     * The statement of a change: lock the head ({@code head}), change the notifications
     * ({@code changing}, joined to the locked head, so no notification is touched before it is
     * locked), move the count by those it counts, and announce the head when the count moved.
     */
    private static String changeStatement(String changing, String sign, String found) {
        return """
                with head as (
                    select tenant_id, recipient from notification.inbox_heads where tenant_id = $1 and recipient = $2 for update),
                changed as (%s),
                counted as (
                    update notification.inbox_heads h set unread = h.unread %s c.n
                      from (select count(*)::int as n from changed where counted) c
                     where h.tenant_id = $1 and h.recipient = $2 and c.n > 0
                    returning h.tenant_id, h.recipient, h.last_seq, h.unread),
                announced as (select %s from counted h)
                select (select count(*) from changed) as changed, %s as found, (select count(*) from announced) as announced"""
                .formatted(changing.formatted("i.tenant_id = h.tenant_id and i.recipient = h.recipient"), sign, ANNOUNCE,
                        found);
    }

    /**
     * The condition on {@code column} for type {@code pattern} (an exact type, {@code prefix.*}, or null or {@code *}: any).
     */
    private static String typeClause(String column, String pattern, List<Object> params) {
        if (pattern == null || "*".equals(pattern)) {
            return "";
        }
        if (pattern.endsWith(".*")) {
            params.add(pattern.substring(0, pattern.length() - 1));
            return " and starts_with(" + column + ", $" + params.size() + ")";
        }
        params.add(pattern);
        return " and " + column + " = $" + params.size();
    }

    private static Changed changed(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return new Changed(row.getLong("changed"), row.getBoolean("found"));
    }

    private static List<InboxItem> items(RowSet<Row> rows) {
        List<InboxItem> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            items.add(item(row));
        }
        return items;
    }

    private static InboxItem item(Row row) {
        return new InboxItem(row.getUUID("id"), row.getLong("seq"), row.getUUID("event_id"), row.getString("type"),
                row.getString("subject"), row.getString("data"), Db.instant(row, "created_at"), Db.instant(row, "read_at"),
                Db.instant(row, "archived_at"));
    }
}
