package dev.flotilla.policy.cache;

import dev.flotilla.policy.config.PolicyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * Listens on the PostgreSQL channel on which every policy change is announced (a trigger on the
 * {@code policies} table notifies when the change commits) and invalidates the changed tenant's
 * cached rule set. One dedicated connection per replica; when it drops, it reconnects and, since
 * notifications may have been missed meanwhile, invalidates every tenant.
 */
@ApplicationScoped
public class PolicyChangeListener {

    /** The channel the {@code notify_policy_change} trigger (migration V1) notifies on. */
    public static final String CHANNEL = "flotilla_policy_changed";

    private static final Logger LOG = Logger.getLogger(PolicyChangeListener.class);

    private final Vertx vertx;
    private final ActivePolicies cache;
    private final PolicyConfig config;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile PgSubscriber subscriber;
    private volatile boolean listening;
    private volatile boolean stopping;

    public PolicyChangeListener(Vertx vertx, ActivePolicies cache, PolicyConfig config,
                                @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.cache = cache;
        this.config = config;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        long delay = Math.max(100, config.cache().reconnectDelay().toMillis());
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> delay);
        subscriber.channel(CHANNEL)
                .subscribeHandler(() -> {
                    // (Re-)established: anything announced while we were not listening is lost.
                    listening = true;
                    cache.notificationsReceived(true);
                    cache.invalidateAll();
                    LOG.debugf("Listening for policy changes on %s", CHANNEL);
                })
                .handler(this::changed);
        subscriber.closeHandler(() -> {
            listening = false;
            cache.notificationsReceived(false);
            if (!stopping) {
                LOG.warn("The policy-change listener lost its connection; reconnecting");
            }
        });
        connect();
    }

    private void connect() {
        subscriber.connect().subscribe().with(
                ignored -> LOG.debug("Policy-change listener connected"),
                failure -> {
                    if (stopping) {
                        return;
                    }
                    LOG.warnf("Could not listen for policy changes yet (%s); retrying", failure.getMessage());
                    vertx.setTimer(Math.max(100, config.cache().reconnectDelay().toMillis()), id -> connect());
                });
    }

    private void changed(String payload) {
        try {
            cache.invalidate(UUID.fromString(payload.trim()));
        } catch (IllegalArgumentException e) {
            cache.invalidateAll();
        }
    }

    /** Whether the listen connection is up: while it is not, other replicas' changes go unseen. */
    public boolean listening() {
        return listening && subscriber != null && !subscriber.closed();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (subscriber != null) {
            subscriber.close().subscribe().with(ignored -> { }, failure -> { });
        }
    }
}
