package dev.flotilla.notification.topic;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The statements over {@code topic_subscribers}. */
final class TopicSql {

    private static final String SUBSCRIBE = """
            insert into notification.topic_subscribers (tenant_id, topic, subscriber, created_at)
            values ($1, $2, $3, $4)
            on conflict do nothing
            returning topic, subscriber, created_at""";

    private static final String FIND = """
            select topic, subscriber, created_at from notification.topic_subscribers
             where tenant_id = $1 and topic = $2 and subscriber = $3""";

    private static final String UNSUBSCRIBE = """
            delete from notification.topic_subscribers where tenant_id = $1 and topic = $2 and subscriber = $3""";

    private static final String OF_TOPIC = """
            select topic, subscriber, created_at from notification.topic_subscribers
             where tenant_id = $1 and topic = $2 and subscriber > $3
             order by subscriber
             limit $4""";

    private static final String OF_SUBSCRIBER = """
            select topic, subscriber, created_at from notification.topic_subscribers
             where tenant_id = $1 and subscriber = $2 and topic > $3
             order by topic
             limit $4""";

    private static final String SUBSCRIBERS_OF = """
            select distinct subscriber from notification.topic_subscribers
             where tenant_id = $1 and topic = any($2)""";

    private TopicSql() {
    }

    /** The new subscription, or null when it existed already. */
    static Uni<Subscription> subscribe(SqlClient client, UUID tenant, String topic, String subscriber, Instant now) {
        return client.preparedQuery(SUBSCRIBE)
                .execute(Tuple.of(tenant, topic, subscriber, Db.ts(now)))
                .map(rows -> SqlResults.firstRow(rows, TopicSql::subscription));
    }

    static Uni<Subscription> find(SqlClient client, UUID tenant, String topic, String subscriber) {
        return client.preparedQuery(FIND)
                .execute(Tuple.of(tenant, topic, subscriber))
                .map(rows -> SqlResults.firstRow(rows, TopicSql::subscription));
    }

    static Uni<Boolean> unsubscribe(SqlClient client, UUID tenant, String topic, String subscriber) {
        return client.preparedQuery(UNSUBSCRIBE)
                .execute(Tuple.of(tenant, topic, subscriber))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Up to {@code limit} subscribers of {@code topic} after {@code after}, in order. */
    static Uni<List<Subscription>> ofTopic(SqlClient client, UUID tenant, String topic, String after, int limit) {
        return client.preparedQuery(OF_TOPIC)
                .execute(Tuple.of(tenant, topic, after, limit))
                .map(TopicSql::subscriptions);
    }

    /** Up to {@code limit} topics {@code subscriber} follows after {@code after}, in order. */
    static Uni<List<Subscription>> ofSubscriber(SqlClient client, UUID tenant, String subscriber, String after, int limit) {
        return client.preparedQuery(OF_SUBSCRIBER)
                .execute(Tuple.of(tenant, subscriber, after, limit))
                .map(TopicSql::subscriptions);
    }

    /** Everyone who follows one of {@code topics}, once each. */
    static Uni<List<String>> subscribersOf(SqlClient client, UUID tenant, List<String> topics) {
        return client.preparedQuery(SUBSCRIBERS_OF)
                .execute(Tuple.of(tenant, topics.toArray(String[]::new)))
                .map(rows -> {
                    List<String> subscribers = new ArrayList<>(rows.size());
                    rows.forEach(row -> subscribers.add(row.getString("subscriber")));
                    return subscribers;
                });
    }

    private static List<Subscription> subscriptions(Iterable<Row> rows) {
        List<Subscription> subscriptions = new ArrayList<>();
        rows.forEach(row -> subscriptions.add(subscription(row)));
        return subscriptions;
    }

    private static Subscription subscription(Row row) {
        return new Subscription(row.getString("topic"), row.getString("subscriber"), Db.instant(row, "created_at"));
    }
}
