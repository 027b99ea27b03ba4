package dev.flotilla.notification.preference;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.notification.event.EventTypes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's digest rules (one per event type pattern), and the window that applies to an event:
 * what publishing asks, to collect a recipient's e-mail of that type into their digest of the window.
 */
@ApplicationScoped
public class DigestRuleService {

    private final Db db;

    public DigestRuleService(Db db) {
        this.db = db;
    }

    public Uni<DigestRule> create(UUID tenant, String createdBy, CreateDigestRule request) {
        EventTypes.requirePattern("eventType", request.eventType());
        Duration window = DigestWindows.parse("window", request.window());
        return db.statement(pool -> DigestRuleSql.insert(pool, Ids.next(), tenant, request.eventType(), window, createdBy))
                .onFailure(SqlResults::isUniqueViolation)
                .transform(e -> new Conflict("A digest rule for " + request.eventType() + " exists already"));
    }

    public Uni<Page<DigestRule>> list(UUID tenant, PageParams page) {
        UUID after = page.after() == null ? null : page.after().id();
        return DigestRuleSql.page(db.pool(), tenant, after, page.limit() + 1)
                .map(rules -> Page.fromOverfetch(rules, page.limit(), rule -> Cursor.of(rule.id())));
    }

    public Uni<DigestRule> get(UUID tenant, UUID id) {
        return DigestRuleSql.find(db.pool(), tenant, id).onItem().ifNull().failWith(() -> new NotFound("digest rule", id));
    }

    public Uni<Void> delete(UUID tenant, UUID id) {
        return db.statement(pool -> DigestRuleSql.delete(pool, tenant, id)).map(deleted -> {
            if (!deleted) {
                throw new NotFound("digest rule", id);
            }
            return null;
        });
    }

    /** The digest window for an event of {@code eventType}, or null when it goes at once (no rule, or a critical event). */
    public Uni<Duration> windowFor(UUID tenant, String eventType, boolean critical) {
        return windowFor(db.pool(), tenant, eventType, critical);
    }

    /** {@link #windowFor(UUID, String, boolean)} read with {@code client}, e.g. inside the caller's transaction. */
    public Uni<Duration> windowFor(SqlClient client, UUID tenant, String eventType, boolean critical) {
        if (critical) {
            return Uni.createFrom().nullItem();
        }
        if (!EventTypes.isType(eventType)) {
            throw new IllegalArgumentException("not an event type: " + eventType);
        }
        return DigestRuleSql.windows(client, tenant, EventTypes.patternsSelecting(eventType).toArray(String[]::new))
                .map(rules -> DigestWindows.windowFor(eventType, rules).orElse(null));
    }

    /**
     * The digest window an e-mail of {@code eventType} published at {@code at} falls in, read with {@code client} (the
     * publish transaction), or null when it goes at once (no rule selects the type, or the event is critical).
     */
    public Uni<DigestWindow> digestFor(SqlClient client, UUID tenant, String eventType, boolean critical, Instant at) {
        if (critical) {
            return Uni.createFrom().nullItem();
        }
        if (!EventTypes.isType(eventType)) {
            throw new IllegalArgumentException("not an event type: " + eventType);
        }
        return DigestRuleSql.rules(client, tenant, EventTypes.patternsSelecting(eventType).toArray(String[]::new))
                .map(rules -> {
                    String pattern = PreferenceRules.decidingPattern(rules, eventType);
                    if (pattern == null) {
                        return null;
                    }
                    DigestRuleSql.Window rule = rules.get(pattern);
                    return DigestWindow.of(rule.id(), pattern, rule.length(), at);
                });
    }
}
