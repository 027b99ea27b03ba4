package dev.flotilla.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.Function;

/**
 * Runs submitted items in batches, one batch at a time: each batch takes what was queued while the one before it ran,
 * at most {@code max}. A lone item runs at once; under load, items share the cost of one run (a transaction, say)
 * instead of each paying for its own. Each submission completes when its batch has run, or fails with it.
 */
final class Batcher<T> {

    private record Submitted<T>(T item, UniEmitter<? super Void> emitter) {
    }

    private final int max;
    private final Function<List<T>, Uni<Void>> run;
    private final Queue<Submitted<T>> queued = new ArrayDeque<>();
    private boolean running;

    Batcher(int max, Function<List<T>, Uni<Void>> run) {
        this.max = max;
        this.run = run;
    }

    Uni<Void> submit(T item) {
        return Uni.createFrom().emitter(emitter -> {
            boolean start;
            synchronized (this) {
                queued.add(new Submitted<>(item, emitter));
                start = !running;
                running = true;
            }
            if (start) {
                runNext();
            }
        });
    }

    private void runNext() {
        List<Submitted<T>> batch = new ArrayList<>();
        synchronized (this) {
            while (batch.size() < max && !queued.isEmpty()) {
                batch.add(queued.poll());
            }
            if (batch.isEmpty()) {
                running = false;
                return;
            }
        }
        Uni<Void> work;
        try {
            work = run.apply(batch.stream().map(Submitted::item).toList());
        } catch (RuntimeException e) {
            work = Uni.createFrom().failure(e);
        }
        work.subscribe().with(done -> {
            batch.forEach(submitted -> submitted.emitter().complete(null));
            runNext();
        }, failure -> {
            batch.forEach(submitted -> submitted.emitter().fail(failure));
            runNext();
        });
    }
}
