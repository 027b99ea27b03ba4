package dev.flotilla.notification.inbox;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.notify.Announcer;
import dev.flotilla.common.notify.ChannelListener;
import dev.flotilla.common.notify.PgNotifications;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inbox streams open on this replica, and what wakes them. The replica's one LISTEN connection
 * ({@link PgNotifications}) receives every inbox change of the suite on {@link InboxSql#CHANNEL}; this
 * wakes the streams of that change's recipient, which read what is new from the table themselves
 * (the payload only says whose inbox changed). When the LISTEN connection comes back after a drop,
 * every stream is woken, since changes may have been announced meanwhile. New notifications are
 * announced after their commit ({@link InboxWriter}), so a replica that stopped in between never
 * announced them: each replica, as it starts, wakes every stream of the suite once. Open streams
 * are counted in {@code flotilla_notification_inbox_streams}.
 */
@ApplicationScoped
public class InboxStreams implements ChannelListener {

    private static final Logger LOG = Logger.getLogger(InboxStreams.class);
    /** The announcement that wakes every stream of every replica. */
    static final String EVERYONE = "{\"everyone\":true}";

    /** Whose inbox a stream follows. */
    record Recipient(UUID tenant, String subject) {
    }

    private final PgNotifications notifications;
    private final Announcer announcer;
    private final Vertx vertx;
    private final Db db;
    private final DatabaseOutage outage;
    private final InboxConfig config;
    private final Map<Recipient, Set<InboxStream>> open = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    InboxStreams(PgNotifications notifications, Announcer announcer, Vertx vertx, Db db, DatabaseOutage outage,
            InboxConfig config,
            MeterRegistry registry) {
        this.notifications = notifications;
        this.announcer = announcer;
        this.vertx = vertx;
        this.db = db;
        this.outage = outage;
        this.config = config;
        Gauge.builder("flotilla.notification.inbox.streams", count, AtomicInteger::get)
                .description("Inbox streams open on this replica")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        notifications.listen(InboxSql.CHANNEL, this);
        announcer.announce(InboxSql.CHANNEL, EVERYONE);
    }

    /**
     * The stream of {@code subject}'s inbox: the notifications after seq {@code after} (null: from
     * now on), then each new one and each change of the unread count, until {@code closesAt} (the
     * caller's token expires; null: never) or the client goes away.
     */
    Multi<InboxStreamEvent> open(UUID tenant, String subject, Long after, Instant closesAt) {
        return Multi.createFrom().deferred(() -> {
            Recipient recipient = new Recipient(tenant, subject);
            Context current = Vertx.currentContext();
            InboxStream stream = new InboxStream(this, recipient, current != null ? current : vertx.getOrCreateContext(),
                    after, closesAt, config.streamKeepalive(), Math.max(1, config.streamBatch()));
            return stream.events()
                    .onSubscription().invoke(() -> add(stream))
                    .onTermination().invoke(() -> remove(stream));
        });
    }

    /** The recipient's head and its notifications after seq {@code after}, at most {@code limit}. */
    Uni<InboxSql.Snapshot> read(Recipient recipient, long after, int limit) {
        return InboxSql.after(db.pool(), recipient.tenant(), recipient.subject(), after, limit);
    }

    /** A stream could not read: an unreachable database joins the outage (logged once), anything else is logged. */
    void failed(Throwable failure) {
        outage.jobFailed(LOG, failure, "An inbox stream could not read its notifications; it ends, and its client resumes");
    }

    @Override
    public void notified(String payload) {
        if (EVERYONE.equals(payload)) {
            subscribed();
            return;
        }
        Recipient recipient = recipientOf(payload);
        if (recipient == null) {
            LOG.debugf("Ignoring a malformed notification on %s", InboxSql.CHANNEL);
            return;
        }
        Set<InboxStream> streams = open.get(recipient);
        if (streams != null) {
            streams.forEach(InboxStream::wake);
        }
    }

    /** (Re-)listening: changes may have been missed, so every stream reads again after what it sent. */
    @Override
    public void subscribed() {
        open.values().forEach(streams -> streams.forEach(InboxStream::wake));
    }

    private void add(InboxStream stream) {
        open.compute(stream.recipient(), (key, streams) -> {
            Set<InboxStream> following = streams != null ? streams : ConcurrentHashMap.newKeySet();
            following.add(stream);
            return following;
        });
        count.incrementAndGet();
    }

    private void remove(InboxStream stream) {
        open.computeIfPresent(stream.recipient(), (key, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
        count.decrementAndGet();
    }

    /** Whose inbox a change's payload names, or null for a payload this service did not write. */
    private static Recipient recipientOf(String payload) {
        try {
            JsonObject change = new JsonObject(payload);
            String tenant = change.getString("tenant");
            String subject = change.getString("recipient");
            return tenant == null || subject == null ? null : new Recipient(UUID.fromString(tenant), subject);
        } catch (DecodeException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }
}
