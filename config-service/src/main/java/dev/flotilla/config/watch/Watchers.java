package dev.flotilla.config.watch;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.notify.ChannelListener;
import dev.flotilla.common.notify.PgNotifications;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who waits for a namespace to change on this replica: held blocking queries and open event streams, in memory by
 * tenant and namespace. Every change commits a notification on {@link WatchSql#CHANNEL} (see {@link ChangeFeed}),
 * which the replica's one LISTEN connection ({@link PgNotifications}) receives, whichever replica made the change;
 * it wakes that namespace's watchers, who read what is new themselves. When the LISTEN connection comes back after
 * a drop every watcher is woken, as changes may have been announced meanwhile. Watches open are counted in
 * {@code flotilla_config_watches}.
 */
@ApplicationScoped
public class Watchers implements ChannelListener {

    private static final Logger LOG = Logger.getLogger(Watchers.class);

    /** Something that follows a namespace. */
    interface Watcher {

        Scope scope();

        /** The namespace reached {@code index}, or may have changed unseen when {@code index} is null. Any thread. */
        void wake(Long index);
    }

    /** Whose namespace a watcher follows. */
    record Scope(UUID tenant, UUID namespace) {
    }

    private final PgNotifications notifications;
    private final Vertx vertx;
    private final Db db;
    private final Map<Scope, Set<Watcher>> open = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    Watchers(PgNotifications notifications, Vertx vertx, Db db, MeterRegistry registry) {
        this.notifications = notifications;
        this.vertx = vertx;
        this.db = db;
        Gauge.builder("flotilla.config.watches", count, AtomicInteger::get)
                .description("Blocking queries held and event streams open on this replica")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        notifications.listen(WatchSql.CHANNEL, this);
    }

    /**
     * Completes, on the caller's Vert.x context, when the namespace's index is no longer {@code seen} or after
     * {@code wait} (plus up to a sixteenth, as Consul does, so that watchers of one change do not all come back at
     * once). The index is read again once the waiter is registered, so a change that committed between the caller's
     * read and now is not missed.
     */
    public Uni<Void> await(UUID tenant, UUID namespace, long seen, Duration wait) {
        return Uni.createFrom().deferred(() -> {
            Context current = Vertx.currentContext();
            Context context = current != null ? current : vertx.getOrCreateContext();
            long millis = Math.max(1, wait.toMillis());
            long held = millis + ThreadLocalRandom.current().nextLong(millis / 16 + 1);
            return Uni.createFrom().<Void> emitter(emitter -> {
                Waiter waiter = new Waiter(new Scope(tenant, namespace), seen, context, emitter);
                add(waiter);
                long timer = context.owner().setTimer(held, id -> waiter.done());
                emitter.onTermination(() -> {
                    remove(waiter);
                    context.owner().cancelTimer(timer);
                });
                WatchSql.index(db.pool(), tenant, namespace).subscribe().with(index -> {
                    if (index == null || index != seen) {
                        waiter.done();
                    }
                }, failure -> waiter.done());
            });
        });
    }

    void add(Watcher watcher) {
        open.computeIfAbsent(watcher.scope(), key -> ConcurrentHashMap.newKeySet()).add(watcher);
        count.incrementAndGet();
    }

    void remove(Watcher watcher) {
        open.computeIfPresent(watcher.scope(), (key, watchers) -> {
            watchers.remove(watcher);
            return watchers.isEmpty() ? null : watchers;
        });
        count.decrementAndGet();
    }

    @Override
    public void notified(String payload) {
        String[] parts = payload.split("/", -1);
        try {
            Set<Watcher> watchers = parts.length == 3
                    ? open.get(new Scope(UUID.fromString(parts[0]), UUID.fromString(parts[1])))
                    : null;
            if (watchers != null) {
                long index = Long.parseLong(parts[2]);
                watchers.forEach(watcher -> watcher.wake(index));
            }
        } catch (IllegalArgumentException e) {
            LOG.debugf("Ignoring a malformed notification on %s", WatchSql.CHANNEL);
        }
    }

    /** (Re-)listening: changes may have been missed, so every watcher looks again. */
    @Override
    public void subscribed() {
        open.values().forEach(watchers -> watchers.forEach(watcher -> watcher.wake(null)));
    }

    /** A held blocking query: done when its namespace leaves the index it saw, or when its time is up. */
    private static final class Waiter implements Watcher {

        private final Scope scope;
        private final long seen;
        private final Context context;
        private final UniEmitter<? super Void> emitter;

        Waiter(Scope scope, long seen, Context context, UniEmitter<? super Void> emitter) {
            this.scope = scope;
            this.seen = seen;
            this.context = context;
            this.emitter = emitter;
        }

        @Override
        public Scope scope() {
            return scope;
        }

        @Override
        public void wake(Long index) {
            if (index == null || index != seen) {
                done();
            }
        }

        /** Completes the wait on the request's context; later calls do nothing. */
        void done() {
            context.runOnContext(ignored -> emitter.complete(null));
        }
    }
}
