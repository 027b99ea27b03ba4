package dev.flotilla.conversation.session;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Chat sessions: opened by a user, kept active by use ({@link #touch}) for the tenant's time to live, ended by the user
 * or expired by {@link SessionExpiry}. {@code owner} limits a call to one user's sessions (null: the tenant's).
 */
@ApplicationScoped
public class SessionService {

    static final int MAX_WORKSPACE_SESSION_ID = 200;
    static final int MAX_METADATA_BYTES = 16 * 1024;

    private final Db db;
    private final SessionConfig config;
    private final Clock clock;
    private final Event<SessionsEnded> ended;

    public SessionService(Db db, SessionConfig config, Clock clock, Event<SessionsEnded> ended) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.ended = ended;
    }

    public Uni<ChatSession> open(UUID tenant, String user, CreateSession request) {
        String workspace = request.workspaceSessionId();
        if (workspace != null && (workspace.isBlank() || workspace.length() > MAX_WORKSPACE_SESSION_ID)) {
            throw new BadRequest("workspaceSessionId", "must be 1 to " + MAX_WORKSPACE_SESSION_ID + " characters");
        }
        JsonObject metadata = new JsonObject(request.metadata() == null ? Map.of() : request.metadata());
        if (metadata.encode().length() > MAX_METADATA_BYTES) {
            throw new BadRequest("metadata", "must be at most " + MAX_METADATA_BYTES + " bytes as JSON");
        }
        Instant now = now();
        ChatSession session = new ChatSession(tenant, Ids.next(), user, request.agentId(), workspace, metadata,
                SessionStatus.ACTIVE, now, now, now.plus(config.ttlOf(tenant)), null);
        return SessionSql.insert(db.pool(), session).replaceWith(session);
    }

    public Uni<ChatSession> get(UUID tenant, UUID id, String owner) {
        return SessionSql.find(db.pool(), tenant, id, owner).map(session -> found(session, id));
    }

    public Uni<Page<ChatSession>> list(UUID tenant, String owner, String status, PageParams page) {
        UUID before = page.after() == null ? null : page.after().id();
        return SessionSql.page(db.pool(), tenant, owner, status(status), before, page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), s -> Cursor.of(s.id())));
    }

    /** Keeps an active session active for another time to live; 409 for one ended or expired. */
    public Uni<ChatSession> touch(UUID tenant, UUID id, String owner) {
        Instant now = now();
        return SessionSql.touch(db.pool(), tenant, id, owner, now, now.plus(config.ttlOf(tenant)))
                .chain(touched -> touched != null ? Uni.createFrom().item(touched)
                        : get(tenant, id, owner).map(session -> {
                            throw new Conflict("Session " + id + " is " + session.status().name().toLowerCase(Locale.ROOT)
                                    + ": open a new one");
                        }));
    }

    /** Ends an active session; one already ended or expired is answered as it is. */
    public Uni<ChatSession> end(UUID tenant, UUID id, String owner) {
        return SessionSql.end(db.pool(), tenant, id, owner, now()).chain(session -> {
            if (session == null) {
                return get(tenant, id, owner);
            }
            ended.fire(new SessionsEnded(Set.of(new SessionsEnded.User(tenant, session.owner()))));
            return Uni.createFrom().item(session);
        });
    }

    /** Expires at most {@code limit} sessions past their time; answers how many. */
    Uni<Integer> expire(int limit) {
        return SessionSql.expire(db.pool(), now(), limit).map(owners -> {
            if (!owners.isEmpty()) {
                ended.fire(new SessionsEnded(Set.copyOf(owners)));
            }
            return owners.size();
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static SessionStatus status(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(SessionStatus.values()).filter(s -> s.name().equalsIgnoreCase(status)).findFirst()
                .orElseThrow(() -> new BadRequest("status", "must be one of " + Arrays.toString(SessionStatus.values())));
    }

    private static ChatSession found(ChatSession session, UUID id) {
        if (session == null) {
            throw new NotFound("session", id);
        }
        return session;
    }
}
