package dev.flotilla.notification.topic;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Topics: streams of events anyone may follow ({@code workflow.<id>}). Callers subscribe
 * themselves; admins and services may subscribe and unsubscribe anyone of their tenant.
 */
@ApplicationScoped
public class TopicService {

    /** A subscription, and whether this request made it. */
    public record Subscribed(Subscription subscription, boolean created) {
    }

    private final Db db;
    private final Clock clock;

    public TopicService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Uni<Subscribed> subscribe(Caller caller, String topic, Subscribe request) {
        TopicKeys.require("key", topic);
        String subscriber = subscriberFor(caller, request == null ? null : request.subscriber(), "subscriber");
        UUID tenant = caller.tenant();
        return db.statement(pool -> TopicSql.subscribe(pool, tenant, topic, subscriber, clock.instant()))
                .chain(created -> created != null
                        ? Uni.createFrom().item(new Subscribed(created, true))
                        : TopicSql.find(db.pool(), tenant, topic, subscriber).map(found -> new Subscribed(found, false)));
    }

    public Uni<Void> unsubscribe(Caller caller, String topic, String subscriber) {
        TopicKeys.require("key", topic);
        String who = subscriberFor(caller, subscriber, "subscriber");
        return db.statement(pool -> TopicSql.unsubscribe(pool, caller.tenant(), topic, who))
                .map(deleted -> {
                    if (!deleted) {
                        throw new NotFound("subscription", topic + "/" + who);
                    }
                    return null;
                });
    }

    public Uni<Page<Subscription>> subscribers(UUID tenant, String topic, PageParams page) {
        TopicKeys.require("key", topic);
        String after = page.after() == null ? "" : page.after().key(0, 1);
        return TopicSql.ofTopic(db.pool(), tenant, topic, after, page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), s -> Cursor.of(s.subscriber())));
    }

    public Uni<Page<Subscription>> subscriptions(Caller caller, PageParams page) {
        String after = page.after() == null ? "" : page.after().key(0, 1);
        return TopicSql.ofSubscriber(db.pool(), caller.tenant(), caller.subject(), after, page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), s -> Cursor.of(s.topic())));
    }

    /** Everyone in {@code tenant} who follows one of {@code topics}, once each (inside the caller's transaction). */
    public Uni<List<String>> subscribersOf(SqlClient client, UUID tenant, List<String> topics) {
        return topics.isEmpty() ? Uni.createFrom().item(List.of()) : TopicSql.subscribersOf(client, tenant, topics);
    }

    /** The caller, or someone the caller may subscribe for. */
    private static String subscriberFor(Caller caller, String given, String field) {
        if (given == null || given.equals(caller.subject())) {
            return caller.subject();
        }
        if (!caller.hasRole(Roles.ADMIN) && !caller.hasRole(Roles.SERVICE)) {
            throw new ProblemException(ProblemType.FORBIDDEN, field + ": only admins and services may subscribe others");
        }
        return given;
    }
}
