package dev.flotilla.notification.preference;

import dev.flotilla.common.db.Db;
import dev.flotilla.notification.event.EventTypes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Whether, and when, notifications go to their recipients: the publish fan-out asks once per
 * event for all of its recipients ({@link #decideAll}, one statement), the e-mail worker asks
 * again when a message is due ({@link #decide}), so that a preference changed or quiet hours begun
 * in between are honoured. The rules are {@link PreferenceRules}'.
 */
@ApplicationScoped
public class DeliveryDecisions {

    private final Db db;

    public DeliveryDecisions(Db db) {
        this.db = db;
    }

    /** The decision for one recipient on one channel. */
    public Uni<Decision> decide(UUID tenant, String user, String eventType, String channel, boolean critical, Instant now) {
        return decideAll(db.pool(), tenant, List.of(user), eventType, List.of(channel), critical, now)
                .map(decisions -> decisions.of(user, channel));
    }

    /**
     * The decisions for every one of {@code users} on each of {@code channels} for an event of
     * {@code eventType}, read with {@code client} (the fan-out's transaction, or the pool) in one
     * statement.
     */
    public Uni<Decisions> decideAll(SqlClient client, UUID tenant, Collection<String> users, String eventType,
            Collection<String> channels, boolean critical, Instant now) {
        if (!EventTypes.isType(eventType)) {
            throw new IllegalArgumentException("not an event type: " + eventType);
        }
        for (String channel : channels) {
            if (!Channels.isChannel(channel)) {
                throw new IllegalArgumentException("not a channel: " + channel);
            }
        }
        Set<String> recipients = new LinkedHashSet<>(users);
        if (recipients.isEmpty()) {
            return Uni.createFrom().item(new Decisions(Map.of()));
        }
        // A critical event reads no preferences, only the locales.
        String[] patterns = critical ? new String[0] : EventTypes.patternsSelecting(eventType).toArray(String[]::new);
        return PreferenceSql.deciding(client, tenant, recipients.toArray(String[]::new), channels.toArray(String[]::new),
                patterns).map(deciding -> {
                    Map<String, Map<String, Decision>> byUser = new HashMap<>();
                    for (String user : recipients) {
                        UserSettings settings = PreferenceService.settingsOf(deciding.settings().get(user));
                        Map<String, Map<String, Boolean>> choices = deciding.choices().getOrDefault(user, Map.of());
                        Map<String, Decision> byChannel = new HashMap<>();
                        for (String channel : channels) {
                            byChannel.put(channel, PreferenceRules.decide(choices.getOrDefault(channel, Map.of()), settings,
                                    eventType, channel, critical, now));
                        }
                        byUser.put(user, byChannel);
                    }
                    return new Decisions(byUser);
                });
    }

    /** When e-mail due at {@code now} for {@code user} may go: the end of their quiet hours, or null outside them. */
    public Uni<Instant> heldUntil(UUID tenant, String user, Instant now) {
        return PreferenceSql.settings(db.pool(), tenant, user)
                .map(stored -> {
                    QuietHours quiet = PreferenceService.settingsOf(stored).quietHours();
                    return quiet == null ? null : quiet.endOf(now).orElse(null);
                });
    }
}
