package dev.flotilla.policy.cache;

import dev.flotilla.policy.config.PolicyConfig;
import dev.flotilla.policy.evaluation.RuleSet;
import dev.flotilla.policy.policy.PolicyWriteGuard;
import dev.flotilla.policy.policy.TenantProvisioning;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Each tenant's rule set in force, compiled and kept in memory so that a decision costs no
 * database round trip.
 *
 * <p>
 * Freshness: every change of a policy is announced over PostgreSQL LISTEN/NOTIFY and
 * {@link #invalidate(UUID) invalidates} the tenant on every replica. On the replica that makes a
 * change the guarantee is strict: while a write is in flight ({@link #whileWriting}) the tenant's
 * cache is bypassed, and it is invalidated again once the write has committed, so a request that
 * starts after the commit never sees an older version. A load that raced with an invalidation
 * is never stored (each slot carries a generation), and a TTL caps the damage of a lost
 * notification.
 */
@ApplicationScoped
public class ActivePolicies implements PolicyWriteGuard {

    /** A tenant's cache state: bumped {@code generation} on every invalidation, writers in flight, the set if loaded. */
    private record Slot(long generation, int writers, RuleSet rules, long loadedAt) {
    }

    private static final Slot EMPTY = new Slot(0, 0, null, 0);

    private final ConcurrentHashMap<UUID, Slot> slots = new ConcurrentHashMap<>();
    /** Bumped by {@link #invalidateAll()}: a load that started before it is not stored. */
    private final AtomicLong epoch = new AtomicLong();
    private final RuleSetLoader loader;
    private final TenantProvisioning provisioning;
    private final long ttlNanos;
    private final Counter loads;
    /** Whether change notifications are being received; without them nothing is served from memory. */
    private volatile boolean notified;

    public ActivePolicies(RuleSetLoader loader, TenantProvisioning provisioning, PolicyConfig config, MeterRegistry registry) {
        this.loader = loader;
        this.provisioning = provisioning;
        this.ttlNanos = config.cache().tenantTtl().toNanos();
        this.loads = Counter.builder("flotilla.policy.rule.set.loads")
                .description("Tenant rule sets read from the database because memory held no current one")
                .register(registry);
    }

    /** The tenant's rule set in force: from memory when it is current, else loaded (and cached). */
    public Uni<RuleSet> forTenant(UUID tenant) {
        Slot slot = slots.getOrDefault(tenant, EMPTY);
        if (notified && slot.rules != null && slot.writers == 0 && System.nanoTime() - slot.loadedAt < ttlNanos) {
            return Uni.createFrom().item(slot.rules);
        }
        long generation = slot.generation;
        long epochAtStart = epoch.get();
        loads.increment();
        return provisioning.ensure(tenant)
                .chain(() -> loader.load(tenant))
                .invoke(rules -> store(tenant, generation, epochAtStart, rules));
    }

    private void store(UUID tenant, long generation, long epochAtStart, RuleSet rules) {
        slots.compute(tenant, (key, current) -> {
            Slot now = current == null ? EMPTY : current;
            if (now.generation != generation || now.writers != 0 || epoch.get() != epochAtStart) {
                return current;
            }
            return new Slot(generation, 0, rules, System.nanoTime());
        });
    }

    /** Forgets the tenant's rule set: the next decision loads it afresh. */
    public void invalidate(UUID tenant) {
        slots.compute(tenant, (key, current) -> {
            Slot now = current == null ? EMPTY : current;
            return new Slot(now.generation + 1, now.writers, null, 0);
        });
    }

    /**
     * Told by the change listener whether it is connected. While it is not, other replicas'
     * changes would go unseen, so every decision reads the database.
     */
    public void notificationsReceived(boolean live) {
        if (this.notified != live) {
            this.notified = live;
            invalidateAll();
        }
    }

    /** Forgets every tenant's rule set, e.g. after notifications may have been missed. */
    public void invalidateAll() {
        epoch.incrementAndGet();
        slots.keySet().forEach(this::invalidate);
    }

    /**
     * Runs a write of the tenant's policies. The write must commit inside the returned
     * {@code Uni} (open its transaction inside {@code write}), so that the cache is invalidated
     * only after the commit.
     */
    @Override
    public <T> Uni<T> whileWriting(UUID tenant, Supplier<Uni<T>> write) {
        return Uni.createFrom().deferred(() -> {
            slots.compute(tenant, (key, current) -> {
                Slot now = current == null ? EMPTY : current;
                return new Slot(now.generation + 1, now.writers + 1, null, 0);
            });
            return write.get().onTermination().invoke(() -> slots.compute(tenant, (key, current) -> {
                Slot now = current == null ? EMPTY : current;
                return new Slot(now.generation + 1, Math.max(0, now.writers - 1), null, 0);
            }));
        });
    }
}
