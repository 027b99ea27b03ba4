package dev.flotilla.task.dispatch;

import dev.flotilla.common.notify.ChannelListener;
import dev.flotilla.common.notify.PgNotifications;
import dev.flotilla.task.task.TaskRepository;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes long-polling claims the moment work becomes claimable, on every replica: a transaction that
 * makes tasks SCHEDULED notifies the tenant's id on a PostgreSQL channel
 * ({@link TaskRepository#READY_CHANNEL}), which PostgreSQL delivers on commit; one LISTEN connection
 * per replica receives it and releases that tenant's waiting claims, which then run the claim query
 * again. Nothing polls the table.
 * <p>
 * A per-tenant generation counter closes the gap between a claim that found nothing and the start
 * of its wait: a claim reads the generation before querying and waits only if it is unchanged.
 * When the LISTEN connection (re)connects, every waiter is released, since notifications may
 * have been missed meanwhile.
 */
@ApplicationScoped
public class TaskSignals implements ChannelListener {

    private static final Logger LOG = Logger.getLogger(TaskSignals.class);

    private final PgNotifications notifications;
    private final Map<UUID, Tenant> tenants = new ConcurrentHashMap<>();

    public TaskSignals(PgNotifications notifications) {
        this.notifications = notifications;
    }

    /** The tenant's generation: read it before a claim query, hand it to {@link #await}. */
    public long generation(UUID tenant) {
        return tenant(tenant).generation.get();
    }

    /**
     * Completes with true when the tenant has had news since {@code generation} (at once if it
     * already has), or with false after {@code timeout}.
     */
    public Uni<Boolean> await(UUID tenant, long generation, Duration timeout) {
        Tenant state = tenant(tenant);
        return Uni.createFrom().<Boolean> emitter(emitter -> {
            Runnable wake = () -> emitter.complete(true);
            state.waiters.add(wake);
            emitter.onTermination(() -> state.waiters.remove(wake));
            if (state.generation.get() != generation) {
                emitter.complete(true);
            }
        })
                .ifNoItem().after(timeout).recoverWithItem(false);
    }

    void start(@Observes StartupEvent event) {
        notifications.listen(TaskRepository.READY_CHANNEL, this);
    }

    /** (Re-)listening: wake every waiter, since notifications may have been missed. */
    @Override
    public void subscribed() {
        tenants.keySet().forEach(this::signal);
    }

    @Override
    public void notified(String payload) {
        try {
            signal(UUID.fromString(payload.trim()));
        } catch (IllegalArgumentException e) {
            LOG.debugf("Ignoring a malformed notification on %s", TaskRepository.READY_CHANNEL);
        }
    }

    private void signal(UUID tenant) {
        Tenant state = tenant(tenant);
        state.generation.incrementAndGet();
        for (Runnable wake : Set.copyOf(state.waiters)) {
            wake.run();
        }
    }

    private Tenant tenant(UUID tenant) {
        return tenants.computeIfAbsent(tenant, id -> new Tenant());
    }

    private static final class Tenant {
        final AtomicLong generation = new AtomicLong();
        final Set<Runnable> waiters = ConcurrentHashMap.newKeySet();
    }
}
