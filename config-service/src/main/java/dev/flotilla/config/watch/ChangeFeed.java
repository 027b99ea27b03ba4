package dev.flotilla.config.watch;

import dev.flotilla.common.notification.NotificationOutbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Announces a namespace's revision inside the transaction that writes it, so both take effect when, and only when, it
 * commits: a notification on {@link WatchSql#CHANNEL}, which wakes the watchers of the namespace on every replica
 * ({@link Watchers}), and a {@code config.changed} event in the notification outbox ({@link NotificationOutbox}),
 * published to notification-service for the topic {@code config.<namespace>}.
 */
@ApplicationScoped
public class ChangeFeed {

    /** The type of every event published. */
    public static final String TYPE = "config.changed";

    private final NotificationOutbox outbox;
    private final WatchConfig config;

    ChangeFeed(NotificationOutbox outbox, WatchConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public Uni<Void> announce(SqlConnection tx, NamespaceChange change) {
        Uni<Void> notified = WatchSql.notify(tx, change.tenant(), change.namespaceId(), change.index());
        if (!config.events().enabled()) {
            return notified;
        }
        return notified.chain(() -> outbox.add(tx, change.tenant(), TYPE, "Configuration " + change.namespace() + " changed",
                "config." + change.namespace(), data(change)));
    }

    /** The event's data, in a fixed order, so a repeat under its idempotency key is the same request. */
    private static Map<String, Object> data(NamespaceChange change) {
        Set<String> envs = new LinkedHashSet<>();
        List<Map<String, Object>> keys = new ArrayList<>(change.keys().size());
        for (ChangedKey key : change.keys()) {
            envs.add(key.env());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", key.key());
            entry.put("env", key.env());
            entry.put("action", key.action());
            keys.add(entry);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenant", change.tenant().toString());
        data.put("namespace", change.namespace());
        data.put("namespaceId", change.namespaceId().toString());
        data.put("envs", new ArrayList<>(envs));
        data.put("index", change.index());
        data.put("kind", change.kind());
        data.put("keys", keys);
        data.put("author", change.author());
        data.put("at", change.at().toString());
        return data;
    }
}
