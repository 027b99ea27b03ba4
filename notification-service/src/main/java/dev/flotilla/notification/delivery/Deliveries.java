package dev.flotilla.notification.delivery;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.notify.Announcer;
import dev.flotilla.notification.event.Event;
import dev.flotilla.notification.event.EventTypes;
import dev.flotilla.notification.preference.Channels;
import dev.flotilla.notification.preference.DigestWindow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The deliveries of events, as publishing writes them inside the event's own transaction (the transactional outbox:
 * the event commits with every delivery it owes, or not at all) and as an event is read back with them.
 */
@ApplicationScoped
public class Deliveries {

    private final Db db;
    private final Announcer announcer;
    private final Clock clock;

    public Deliveries(Db db, Announcer announcer, Clock clock) {
        this.db = db;
        this.announcer = announcer;
        this.clock = clock;
    }

    /** Wakes the workers of every replica once {@code tx}, which wrote deliveries due now, has committed. */
    void wakeWorkersOnCommit(SqlConnection tx) {
        db.afterCommit(tx, () -> announcer.announce(DeliverySql.WAKE_CHANNEL, ""));
    }

    /**
     * One pending webhook delivery, due now, per enabled endpoint of the event's tenant whose event types select the
     * event's type; the workers of every replica are woken when {@code tx} commits. Answers how many were written.
     */
    public Uni<Integer> fanOutToWebhooks(SqlConnection tx, Event event) {
        return DeliverySql.subscribedEndpoints(tx, event.tenant(), EventTypes.patternsSelecting(event.type()))
                .chain(endpoints -> endpoints.isEmpty() ? Uni.createFrom().item(0)
                        : DeliverySql.insertPending(tx, event.tenant(), event.id(), ids(endpoints.size()), endpoints, now())
                                .invoke(() -> wakeWorkersOnCommit(tx)));
    }

    /**
     * In the event's transaction: one PENDING delivery of {@code channel} per recipient, due now (the workers are woken
     * when it commits). Answers the count.
     */
    public Uni<Integer> fanOutTo(SqlConnection tx, Event event, String channel, List<String> recipients) {
        if (recipients.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return DeliverySql.insertPendingTo(tx, event.tenant(), event.id(), channel, ids(recipients.size()), recipients, now())
                .invoke(() -> wakeWorkersOnCommit(tx));
    }

    /**
     * In the event's transaction: the e-mail of the event to each of {@code users} collected into their digest of
     * {@code window}, PENDING until it ends; a user whose digest of that window was claimed already (the event came too
     * late for it) gets a PENDING e-mail of its own, due now. Answers the count.
     */
    public Uni<Integer> fanOutToDigests(SqlConnection tx, Event event, List<String> users, DigestWindow window) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // In one order, so that publishes to the same users lock their digests without deadlocking.
        List<String> sorted = users.stream().sorted().toList();
        return DigestSql.collect(tx, event.tenant(), event.id(), window.ruleId(), window.pattern(), window.start(),
                window.end(), sorted, ids(sorted.size()), ids(sorted.size()), now())
                .chain(collected -> fanOutTo(tx, event, Channels.EMAIL,
                        sorted.stream().filter(user -> !collected.contains(user)).toList())
                        .map(late -> collected.size() + late));
    }

    /** Records deliveries made inside {@code tx} (an inbox written with the event) as SUCCEEDED, one per recipient. */
    public Uni<Void> recordDelivered(SqlConnection tx, Event event, String channel, List<String> recipients) {
        if (recipients.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return DeliverySql.insertDelivered(tx, event.tenant(), event.id(), channel, ids(recipients.size()), recipients, now());
    }

    /** The deliveries of the tenant's event, each with its attempts (none for another tenant's event). */
    public Uni<List<DeliveryView>> ofEvent(UUID tenant, UUID eventId) {
        return DeliverySql.ofEvent(db.pool(), tenant, eventId).chain(deliveries -> withAttemptLogs(tenant, deliveries));
    }

    /** {@code deliveries}, each with its attempts. */
    Uni<List<DeliveryView>> withAttemptLogs(UUID tenant, List<DeliveryView> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(deliveries);
        }
        return DeliverySql.attempts(db.pool(), tenant, deliveries.stream().map(DeliveryView::id).toList())
                .map(attempts -> attach(deliveries, attempts));
    }

    private static List<DeliveryView> attach(List<DeliveryView> deliveries, Map<UUID, List<AttemptView>> attempts) {
        List<DeliveryView> views = new ArrayList<>(deliveries.size());
        for (DeliveryView delivery : deliveries) {
            views.add(delivery.withAttemptLog(attempts.getOrDefault(delivery.id(), List.of())));
        }
        return views;
    }

    private static List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(Ids.next());
        }
        return ids;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
