package dev.flotilla.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class BatcherTest {

    /** Batches as they were run; each finishes when the test completes its emitter. */
    private final List<List<Integer>> runs = new ArrayList<>();
    private final List<UniEmitter<? super Void>> running = new ArrayList<>();

    private final Batcher<Integer> batcher = new Batcher<>(3, batch -> Uni.createFrom().emitter(emitter -> {
        runs.add(batch);
        running.add(emitter);
    }));

    @Test
    void aLoneItemRunsAtOnce() {
        batcher.submit(1).subscribe().with(done -> {
        });

        assertEquals(List.of(List.of(1)), runs);
    }

    @Test
    void itemsSubmittedWhileABatchRunsShareTheNextOne() {
        submitAll(1, 2, 3);

        running.get(0).complete(null);

        assertEquals(List.of(List.of(1), List.of(2, 3)), runs);
    }

    @Test
    void aBatchTakesAtMostTheLimit() {
        submitAll(1, 2, 3, 4, 5);

        running.get(0).complete(null);
        running.get(1).complete(null);

        assertEquals(List.of(List.of(1), List.of(2, 3, 4), List.of(5)), runs);
    }

    @Test
    void eachSubmissionCompletesWhenItsBatchHasRun() {
        AtomicReference<String> first = new AtomicReference<>();
        AtomicReference<String> second = new AtomicReference<>();
        batcher.submit(1).subscribe().with(done -> first.set("done"));
        batcher.submit(2).subscribe().with(done -> second.set("done"));

        running.get(0).complete(null);

        assertEquals("done", first.get());
        assertNull(second.get());
    }

    @Test
    void aFailedBatchFailsItsSubmissionsAndTheNextBatchStillRuns() {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        batcher.submit(1).subscribe().with(done -> {
        }, failed::set);
        batcher.submit(2).subscribe().with(done -> {
        });

        running.get(0).fail(new IllegalStateException("the database is away"));

        assertNotNull(failed.get());
        assertEquals(List.of(List.of(1), List.of(2)), runs);
    }

    private void submitAll(Integer... items) {
        for (Integer item : items) {
            batcher.submit(item).subscribe().with(done -> {
            });
        }
    }
}
