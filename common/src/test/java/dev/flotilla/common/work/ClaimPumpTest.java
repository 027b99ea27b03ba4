package dev.flotilla.common.work;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a worker's claim loop takes items: never more than its slots, all of a backlog, none lost. */
class ClaimPumpTest {

    /** A queue of numbered items claimed in order; each claimed item is held until the test finishes it. */
    private static final class Queue {
        final AtomicInteger next = new AtomicInteger();
        final int size;
        final List<Integer> claimSizes = new CopyOnWriteArrayList<>();
        final List<UniEmitter<? super Void>> working = new CopyOnWriteArrayList<>();

        Queue(int size) {
            this.size = size;
        }

        Uni<List<Integer>> claim(int limit) {
            claimSizes.add(limit);
            List<Integer> claimed = new ArrayList<>();
            while (claimed.size() < limit && next.get() < size) {
                claimed.add(next.getAndIncrement());
            }
            return Uni.createFrom().item(claimed);
        }

        Uni<Void> work(int item) {
            return Uni.createFrom().emitter(working::add);
        }

        void finishAll() {
            List<UniEmitter<? super Void>> now = new ArrayList<>(working);
            working.removeAll(now);
            now.forEach(emitter -> emitter.complete(null));
        }
    }

    private static ClaimPump<Integer> pump(Queue queue, int concurrency, List<Throwable> failures) {
        return new ClaimPump<>(concurrency, queue::claim, queue::work, failures::add, count -> Uni.createFrom().voidItem());
    }

    @Test
    void noMoreItemsAreWorkedAtOnceThanTheConcurrency() {
        Queue queue = new Queue(10);
        ClaimPump<Integer> pump = pump(queue, 3, new ArrayList<>());
        assertEquals(3, pump.pump().await().indefinitely());
        assertEquals(3, pump.inFlight());
        assertTrue(pump.backlog());
        assertEquals(0, pump.pump().await().indefinitely(), "every slot is taken");
    }

    @Test
    void finishedItemsMakeRoomForTheBacklogUntilItIsDrained() {
        Queue queue = new Queue(10);
        ClaimPump<Integer> pump = pump(queue, 4, new ArrayList<>());
        pump.pump().await().indefinitely();
        for (int i = 0; i < 5 && queue.next.get() < 10; i++) {
            queue.finishAll();
        }
        queue.finishAll();
        assertEquals(10, queue.next.get(), "all claimed without another poll");
        assertEquals(0, pump.inFlight());
    }

    @Test
    void aFailedClaimIsReportedAndTheNextPumpClaimsAgain() {
        List<Throwable> failures = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        ClaimPump<Integer> pump = new ClaimPump<>(2, limit -> calls.incrementAndGet() == 1
                ? Uni.createFrom().failure(new IllegalStateException("database down"))
                : Uni.createFrom().item(List.of(1)), item -> Uni.createFrom().voidItem(), failures::add,
                count -> Uni.createFrom().voidItem());
        assertEquals(0, pump.pump().await().indefinitely());
        assertEquals(1, failures.size());
        assertEquals(1, pump.pump().await().indefinitely());
    }

    @Test
    void aStoppedPumpClaimsNothing() {
        Queue queue = new Queue(5);
        ClaimPump<Integer> pump = pump(queue, 2, new ArrayList<>());
        pump.stop();
        assertEquals(0, pump.pump().await().indefinitely());
        assertEquals(List.of(), queue.claimSizes);
    }
}
