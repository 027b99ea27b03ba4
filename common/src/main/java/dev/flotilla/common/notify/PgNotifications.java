package dev.flotilla.common.notify;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * PostgreSQL LISTEN/NOTIFY for the suite: how a change committed on one replica reaches every
 * replica without a broker (design brief §5). One dedicated connection per replica carries every
 * channel the service listens to; it reconnects by itself, and listeners are told when they
 * were not listening, since notifications sent meanwhile are lost.
 * <p>
 * Sending is plain SQL in the sender's own transaction ({@code select pg_notify(channel, payload)});
 * PostgreSQL delivers it when that transaction commits, and not at all if it rolls back. A hot write path announces
 * through {@link Announcer} instead, after its commit.
 */
@ApplicationScoped
public class PgNotifications {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);
    private static final String REACTIVE_URL_PREFIX = "vertx-reactive:";

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Duration reconnectDelay;
    private final List<ChannelListener> listeners = new CopyOnWriteArrayList<>();
    private PgSubscriber subscriber;
    private volatile boolean connected;
    private volatile boolean stopping;

    public PgNotifications(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "flotilla.notify.reconnect-delay", defaultValue = "1s") Duration reconnectDelay) {
        this.vertx = vertx;
        this.options = PgConnectOptions
                .fromUri(url.startsWith(REACTIVE_URL_PREFIX) ? url.substring(REACTIVE_URL_PREFIX.length()) : url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        this.reconnectDelay = reconnectDelay.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : reconnectDelay;
    }

    /** Starts listening on {@code channel}; the first call opens the connection. */
    public synchronized void listen(String channel, ChannelListener listener) {
        if (subscriber == null) {
            subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> reconnectDelay.toMillis());
            subscriber.closeHandler(this::interrupted);
            connect();
        }
        listeners.add(listener);
        subscriber.channel(channel)
                .subscribeHandler(() -> {
                    connected = true;
                    LOG.debugf("Listening on %s", channel);
                    listener.subscribed();
                })
                .handler(listener::notified);
    }

    /** Whether notifications are arriving now; while they are not, other replicas' changes go unseen. */
    public boolean listening() {
        return connected && subscriber != null && !subscriber.closed();
    }

    private void connect() {
        subscriber.connect().subscribe().with(
                ignored -> LOG.debug("LISTEN connection open"),
                failure -> {
                    if (!stopping) {
                        LOG.warnf("Could not open the LISTEN connection yet (%s); retrying", failure.getMessage());
                        vertx.setTimer(reconnectDelay.toMillis(), id -> connect());
                    }
                });
    }

    private void interrupted() {
        connected = false;
        if (!stopping) {
            LOG.warn("The LISTEN connection dropped; reconnecting (changes of other replicas go unseen meanwhile)");
        }
        listeners.forEach(ChannelListener::interrupted);
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (subscriber != null) {
            subscriber.close().subscribe().with(ignored -> {
            }, failure -> {
            });
        }
    }
}
