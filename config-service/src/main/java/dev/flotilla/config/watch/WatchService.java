package dev.flotilla.config.watch;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.config.environment.EnvironmentService;
import dev.flotilla.config.environment.Environments;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Watching a namespace: blocking queries (Consul's {@code index} and {@code wait}) are held here until the namespace
 * changes or their time is up, and event streams follow its revisions. What changed is always read from the
 * revision history, never taken from the notification that woke a watcher.
 */
@ApplicationScoped
public class WatchService {

    private static final Logger LOG = Logger.getLogger(WatchService.class);

    private final Db db;
    private final Watchers watchers;
    private final EnvironmentService environments;
    private final WatchConfig config;
    private final DatabaseOutage outage;
    private final Vertx vertx;

    WatchService(Db db, Watchers watchers, EnvironmentService environments, WatchConfig config, DatabaseOutage outage,
            Vertx vertx) {
        this.db = db;
        this.watchers = watchers;
        this.environments = environments;
        this.config = config;
        this.outage = outage;
        this.vertx = vertx;
    }

    /** The watch parameters of a read, checked: 400 naming {@code index}, {@code wait} or {@code changed}. */
    public WatchQuery query(String index, String wait, String changed) {
        return WatchQuery.parse(index, wait, changed, config.defaultWait(), config.maxWait());
    }

    /** Completes when the namespace's index is no longer {@code seen}, or after {@code wait}. */
    public Uni<Void> await(UUID tenant, UUID namespace, long seen, Duration wait) {
        return watchers.await(tenant, namespace, seen, wait);
    }

    /** The keys revisions after {@code after} and up to {@code upTo} changed in the default layer or in {@code env}. */
    public Uni<Set<String>> changed(UUID tenant, UUID namespace, long after, long upTo, String env) {
        return WatchSql.changed(db.pool(), tenant, namespace, after, upTo, env);
    }

    /**
     * The stream of the namespace's revisions that touch {@code env} (or the default; null or empty: the default
     * alone), after the index of {@code lastEventId} (absent: from now on), until {@code closesAt} (null: never); it is
     * answered once the namespace is found, so a missing one is a 404 problem rather than a stream that breaks.
     */
    public Uni<Multi<StreamEvent>> stream(UUID tenant, String namespace, String env, String lastEventId, Instant closesAt) {
        String layer = env == null || env.isEmpty() ? "" : Environments.requireName("env", env);
        Long after = position(lastEventId);
        return environments.require(tenant, layer)
                .chain(() -> WatchSql.namespace(db.pool(), tenant, namespace))
                .onItem().ifNull().failWith(() -> new NotFound("namespace", namespace))
                .map(id -> {
                    Context current = Vertx.currentContext();
                    ChangeStream stream = new ChangeStream(this, new Watchers.Scope(tenant, id), layer,
                            current != null ? current : vertx.getOrCreateContext(), after, closesAt,
                            config.streamKeepalive(), Math.max(1, config.streamBatch()));
                    return stream.events()
                            .onSubscription().invoke(() -> watchers.add(stream))
                            .onTermination().invoke(() -> watchers.remove(stream));
                });
    }

    Uni<WatchSql.Revisions> revisions(Watchers.Scope scope, long after, String env, int limit) {
        return WatchSql.revisions(db.pool(), scope.tenant(), scope.namespace(), after, env, limit);
    }

    /** A stream could not read: an unreachable database joins the outage (logged once), anything else is logged. */
    void streamFailed(Throwable failure) {
        outage.jobFailed(LOG, failure, "A namespace's event stream could not read its revisions");
    }

    private static Long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long index = Long.parseLong(lastEventId.strip());
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequest("Last-Event-ID", "must be the id of an event of this stream");
    }
}
