package dev.flotilla.common.work;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The claim loop of a background worker that leases rows from the database (deliveries, checks): claims as many items
 * as there are free slots, starts each, and claims again while the last claim filled every slot or a wake-up came
 * meanwhile, so a backlog drains at full concurrency and a wake-up during a claim is never lost. One claim runs at a
 * time per pump. At most {@code concurrency} items are worked at once; a finished item wakes the pump when there is a
 * backlog. A failed claim is reported and ends the round (the next poll or wake-up claims again); a failed item only
 * frees its slot, since its lease runs out and it is claimed again.
 *
 * @param <T> what a claim answers
 */
public final class ClaimPump<T> {

    private final int concurrency;
    private final IntFunction<Uni<List<T>>> claim;
    private final Function<T, Uni<Void>> work;
    private final Consumer<Throwable> claimFailed;
    private final Function<Integer, Uni<Void>> afterWake;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean backlog;
    private volatile boolean stopped;

    /**
     * A pump claiming with {@code claim} (given how many items it may take) and working each item with {@code work};
     * {@code afterWake} runs after each round a {@link #wake()} started (e.g. to set a timer for the next item due).
     */
    public ClaimPump(int concurrency, IntFunction<Uni<List<T>>> claim, Function<T, Uni<Void>> work,
            Consumer<Throwable> claimFailed, Function<Integer, Uni<Void>> afterWake) {
        this.concurrency = concurrency;
        this.claim = claim;
        this.work = work;
        this.claimFailed = claimFailed;
        this.afterWake = afterWake;
    }

    /** Claims and starts items while there are free slots and more may be waiting; answers how many. Never fails. */
    public Uni<Integer> pump() {
        again.set(true);
        if (stopped || !claiming.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return round();
    }

    /** Pumps now, or, if a claim is under way, once more after it; then runs {@code afterWake}. */
    public void wake() {
        pump().chain(count -> afterWake.apply(count)).subscribe().with(ignored -> {
        }, failure -> {
        });
    }

    /** Whether the last claim filled every free slot, so more items may be waiting. */
    public boolean backlog() {
        return backlog;
    }

    /** Items being worked now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Claims nothing more; items being worked finish. */
    public void stop() {
        stopped = true;
    }

    private Uni<Integer> round() {
        again.set(false);
        int free = concurrency - inFlight.get();
        if (free <= 0) {
            backlog = true;
            return release(0);
        }
        return claim.apply(free)
                .map(claimed -> {
                    backlog = claimed.size() == free;
                    claimed.forEach(this::start);
                    return claimed.size();
                })
                .onFailure().invoke(failure -> {
                    backlog = false;
                    claimFailed.accept(failure);
                })
                .onFailure().recoverWithItem(0)
                .chain(count -> again.get() || backlog && inFlight.get() < concurrency
                        ? round().map(more -> count + more)
                        : release(count));
    }

    /** Ends claiming; a wake-up that came after the last claim claims once more. */
    private Uni<Integer> release(int count) {
        claiming.set(false);
        if (again.get() && !stopped && claiming.compareAndSet(false, true)) {
            return round().map(more -> count + more);
        }
        return Uni.createFrom().item(count);
    }

    private void start(T item) {
        inFlight.incrementAndGet();
        Uni<Void> worked;
        try {
            worked = work.apply(item);
        } catch (RuntimeException e) {
            worked = Uni.createFrom().failure(e);
        }
        worked.subscribe().with(ignored -> finished(), failure -> finished());
    }

    private void finished() {
        inFlight.decrementAndGet();
        if (backlog) {
            wake();
        }
    }
}
