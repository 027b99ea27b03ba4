package dev.flotilla.notification.inbox;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * A recipient's inbox: its notifications newest first, its unread count (the notifications neither
 * read nor archived, kept in the recipient's head row by every change), the changes a recipient
 * makes, and its stream. Each change is one statement: atomic, and retried when PostgreSQL aborts
 * it as a deadlock victim. A recipient only ever sees its own inbox: every statement is keyed by
 * tenant and recipient, so another's notification is as missing as one that never was.
 */
@ApplicationScoped
public class InboxService {

    private static final String NOTIFICATION = "notification";

    private final Db db;
    private final InboxStreams streams;

    public InboxService(Db db, InboxStreams streams) {
        this.db = db;
        this.streams = streams;
    }

    public Uni<Page<InboxItem>> list(UUID tenant, String recipient, InboxFilter filter, PageParams page) {
        Cursor after = page.after();
        Long before = after == null ? null : seq(after.key(0, 1), "cursor", "is not a cursor this endpoint returned");
        return InboxSql.page(db.pool(), tenant, recipient, filter, before, page.limit() + 1)
                .map(items -> Page.fromOverfetch(items, page.limit(), item -> Cursor.of(item.seq())));
    }

    public Uni<InboxItem> get(UUID tenant, String recipient, UUID id) {
        return InboxSql.find(db.pool(), tenant, recipient, id)
                .onItem().ifNull().failWith(() -> new NotFound(NOTIFICATION, id));
    }

    public Uni<UnreadCount> unreadCount(UUID tenant, String recipient) {
        return InboxSql.unread(db.pool(), tenant, recipient).map(UnreadCount::new);
    }

    /** Applies {@code change} to notification {@code id}; doing it again changes nothing (a deleted one is then missing). */
    public Uni<Void> change(UUID tenant, String recipient, UUID id, InboxChange change) {
        return db.statement(pool -> InboxSql.change(pool, tenant, recipient, id, change))
                .invoke(changed -> {
                    if (!changed.foundOrChanged()) {
                        throw new NotFound(NOTIFICATION, id);
                    }
                })
                .replaceWithVoid();
    }

    /** Marks every unread notification read, or those of the types {@code type} selects. */
    public Uni<Void> readAll(UUID tenant, String recipient, String type) {
        String pattern = InboxFilter.typePattern(type);
        return db.statement(pool -> InboxSql.readAll(pool, tenant, recipient, pattern)).replaceWithVoid();
    }

    /**
     * The recipient's stream, resuming after the seq the client last saw: the {@code Last-Event-ID}
     * header its EventSource sends on reconnecting, else {@code lastEventId} of the query (a
     * client's first connection, e.g. the newest seq of the list it showed), else from now on.
     */
    public Multi<InboxStreamEvent> stream(UUID tenant, String recipient, String lastEventIdHeader, String lastEventId,
            Instant closesAt) {
        Long after = position(lastEventIdHeader, "Last-Event-ID");
        if (after == null) {
            after = position(lastEventId, "lastEventId");
        }
        return streams.open(tenant, recipient, after, closesAt);
    }

    private static Long position(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return seq(value.trim(), name, "must be the id of an event of this stream");
    }

    private static long seq(String value, String name, String message) {
        try {
            long seq = Long.parseLong(value);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequest(name, message);
    }
}
