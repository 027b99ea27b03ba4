package dev.flotilla.config.flag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.notify.ChannelListener;
import dev.flotilla.common.notify.PgNotifications;
import dev.flotilla.config.environment.EnvironmentsChanged;
import dev.flotilla.config.targeting.Definitions;
import dev.flotilla.config.targeting.Flag;
import dev.flotilla.config.targeting.FlagSet;
import dev.flotilla.config.targeting.FlagSpec;
import dev.flotilla.config.targeting.InvalidDefinition;
import dev.flotilla.config.targeting.Segment;
import dev.flotilla.config.targeting.SegmentSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each environment's flags, checked and kept in memory per tenant and environment, so that an evaluation
 * costs no database round trip.
 *
 * <p>
 * Freshness: every change commits a notification on {@link #CHANNEL} (LISTEN/NOTIFY), which drops the
 * environment's flags on every replica; the replica that made the change also drops them itself once it has
 * committed, before it answers, so its own caller reads what it wrote. A load that raced with a drop is
 * never kept (each slot has a generation), concurrent requests share one load, and a TTL bounds the effect
 * of a lost notification. While notifications are not being received, every evaluation first compares the
 * kept version with the environment's version in the database (one indexed read) instead.
 *
 * <p>
 * An environment the tenant does not have is kept too, as {@link #NO_ENVIRONMENT}, and answered as a 404: a
 * change of the tenant's environments is announced on {@link #CHANNEL} like one of its segments.
 */
@ApplicationScoped
public class FlagSnapshots implements ChannelListener {

    /** The channel every change of a flag or segment is announced on: {@code tenant/environment/version} or {@code tenant}. */
    public static final String CHANNEL = "flotilla_config_flags";

    private static final Logger LOG = Logger.getLogger(FlagSnapshots.class);

    private record Scope(UUID tenant, String environment) {
    }

    /** The generation is bumped by every drop; {@code loading} is the load of that generation, if one runs. */
    private record Slot(long generation, FlagSet set, long loadedAt, CompletableFuture<FlagSet> loading) {
    }

    private static final Slot EMPTY = new Slot(0, null, 0, null);

    /** What is kept for an environment the tenant does not have (compared by identity). */
    private static final FlagSet NO_ENVIRONMENT = new FlagSet(0, Map.of(), Map.of(), Map.of());

    private final Db db;
    private final FlagDocuments documents;
    private final PgNotifications notifications;
    private final Event<FlagSetChanged> changes;
    private final long ttlNanos;
    private final Counter loads;
    private final ConcurrentHashMap<Scope, Slot> slots = new ConcurrentHashMap<>();
    private volatile boolean listening;

    public FlagSnapshots(Db db, FlagDocuments documents, PgNotifications notifications, Event<FlagSetChanged> changes,
            FlagsConfig config, MeterRegistry registry) {
        this.db = db;
        this.documents = documents;
        this.notifications = notifications;
        this.changes = changes;
        this.ttlNanos = config.cacheTtl().toNanos();
        this.loads = Counter.builder("flotilla.config.flag.set.loads")
                .description("Environments' flags read from the database because memory held no current copy")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        notifications.listen(CHANNEL, this);
    }

    /**
     * The environment's flags as they are now; a {@link NotFound} when the tenant has no such environment.
     * {@code atLeast}: a version the caller knows the environment has reached (0: none); a copy in memory older
     * than it is read again.
     */
    public Uni<FlagSet> current(UUID tenant, String environment, long atLeast) {
        return kept(tenant, environment, atLeast).map(set -> {
            if (set == NO_ENVIRONMENT) {
                throw new NotFound("environment", environment);
            }
            return set;
        });
    }

    private Uni<FlagSet> kept(UUID tenant, String environment, long atLeast) {
        Scope scope = new Scope(tenant, environment);
        Slot slot = slots.getOrDefault(scope, EMPTY);
        if (slot.set != null && slot.set.version() < atLeast) {
            // The caller's version may be made up: one indexed read tells whether the kept copy is really older.
            FlagSet kept = slot.set;
            return FlagSql.version(db.pool(), tenant, environment).chain(version -> {
                if (version == kept.version()) {
                    return Uni.createFrom().item(kept);
                }
                drop(scope);
                return load(scope);
            });
        }
        if (slot.set != null && System.nanoTime() - slot.loadedAt < ttlNanos) {
            if (listening) {
                return Uni.createFrom().item(slot.set);
            }
            FlagSet kept = slot.set;
            return FlagSql.version(db.pool(), tenant, environment)
                    .chain(version -> version == kept.version() ? Uni.createFrom().item(kept) : load(scope));
        }
        return load(scope);
    }

    /**
     * Drops the environment's flags after a change committed here. Streams hear of it from the change's
     * notification, like those of every other replica.
     */
    void changed(UUID tenant, String environment) {
        drop(new Scope(tenant, environment));
    }

    /** Drops every environment's flags of the tenant after a change of its segments committed here. */
    public void changedTenant(UUID tenant) {
        slots.keySet().stream().filter(scope -> scope.tenant.equals(tenant)).forEach(this::drop);
    }

    /** An environment of the tenant was created or deleted here: what is kept of the tenant is read again. */
    void environmentsChanged(@Observes EnvironmentsChanged changed) {
        changedTenant(changed.tenant());
    }

    /** The payload announcing a change of the environment's flags, made at {@code version}. */
    static String payload(UUID tenant, String environment, long version) {
        return tenant + "/" + environment + "/" + version;
    }

    /** The payload announcing a change of the tenant's segments, which every environment of the tenant evaluates. */
    public static String payload(UUID tenant) {
        return tenant.toString();
    }

    private Uni<FlagSet> load(Scope scope) {
        while (true) {
            Slot slot = slots.getOrDefault(scope, EMPTY);
            if (slot.loading != null) {
                return await(slot.loading);
            }
            CompletableFuture<FlagSet> loading = new CompletableFuture<>();
            Slot started = new Slot(slot.generation, slot.set, slot.loadedAt, loading);
            if (slot == EMPTY ? slots.putIfAbsent(scope, started) == null : slots.replace(scope, slot, started)) {
                loads.increment();
                FlagSql.snapshot(db.pool(), scope.tenant, scope.environment).map(this::flagSet).subscribe().with(
                        set -> loaded(scope, started, set),
                        failure -> failed(scope, started, failure));
                return await(loading);
            }
        }
    }

    private void loaded(Scope scope, Slot started, FlagSet set) {
        slots.computeIfPresent(scope,
                (key, now) -> now == started ? new Slot(now.generation, set, System.nanoTime(), null) : now);
        started.loading.complete(set);
    }

    private void failed(Scope scope, Slot started, Throwable failure) {
        slots.computeIfPresent(scope,
                (key, now) -> now == started ? new Slot(now.generation, now.set, now.loadedAt, null) : now);
        started.loading.completeExceptionally(failure);
    }

    /** Waits for a load, resuming on the caller's Vert.x context (the load completes on the context that started it). */
    private static Uni<FlagSet> await(CompletableFuture<FlagSet> loading) {
        Context context = Vertx.currentContext();
        Uni<FlagSet> loaded = Uni.createFrom().completionStage(loading);
        return context == null ? loaded : loaded.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** Forgets the kept flags and any load under way: requests from now on load afresh. */
    private void drop(Scope scope) {
        slots.computeIfPresent(scope, (key, now) -> new Slot(now.generation + 1, null, 0, null));
    }

    private void dropAll() {
        slots.keySet().forEach(this::drop);
    }

    private FlagSet flagSet(FlagSql.Snapshot snapshot) {
        if (!snapshot.environmentExists()) {
            return NO_ENVIRONMENT;
        }
        try {
            Map<String, Flag> flags = new LinkedHashMap<>();
            Map<String, String> unreadable = new HashMap<>();
            for (JsonNode stored : documents.json().readTree(snapshot.flags())) {
                String key = stored.get("key").asText();
                try {
                    flags.put(key,
                            Definitions.flag(key, documents.json().treeToValue(stored.get("definition"), FlagSpec.class)));
                } catch (JsonProcessingException | InvalidDefinition e) {
                    LOG.warnf("Stored flag %s no longer reads (%s); it answers PARSE_ERROR until it is saved again", key,
                            e.getMessage());
                    unreadable.put(key, e.getMessage());
                }
            }
            Map<String, Segment> segments = new HashMap<>();
            for (JsonNode stored : documents.json().readTree(snapshot.segments())) {
                String key = stored.get("key").asText();
                try {
                    segments.put(key,
                            Definitions.segment(key,
                                    documents.json().treeToValue(stored.get("definition"), SegmentSpec.class)));
                } catch (JsonProcessingException | InvalidDefinition e) {
                    LOG.warnf("Stored segment %s no longer reads (%s); nobody is a member until it is saved again", key,
                            e.getMessage());
                }
            }
            return new FlagSet(snapshot.version(), flags, unreadable, segments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The database answered flags that are not JSON", e);
        }
    }

    @Override
    public void notified(String payload) {
        String[] parts = payload.split("/", -1);
        try {
            UUID tenant = UUID.fromString(parts[0]);
            if (parts.length == 3) {
                long version = Long.parseLong(parts[2]);
                Scope scope = new Scope(tenant, parts[1]);
                Slot slot = slots.get(scope);
                if (slot != null && (slot.set == null || slot.set.version() < version)) {
                    drop(scope);
                }
                changes.fire(new FlagSetChanged(tenant, parts[1]));
            } else {
                slots.keySet().stream().filter(scope -> scope.tenant.equals(tenant)).forEach(this::drop);
                changes.fire(new FlagSetChanged(tenant, null));
            }
        } catch (IllegalArgumentException e) {
            LOG.debugf("Ignoring a malformed notification on %s", CHANNEL);
        }
    }

    @Override
    public void subscribed() {
        listening = true;
        dropAll();
        changes.fire(new FlagSetChanged(null, null));
    }

    @Override
    public void interrupted() {
        listening = false;
        dropAll();
    }
}
