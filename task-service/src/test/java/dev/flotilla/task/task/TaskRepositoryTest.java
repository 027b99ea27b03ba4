package dev.flotilla.task.task;

import dev.flotilla.common.id.Ids;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The task rows and their events as the repository writes and reads them, on the real database. */
@QuarkusTest
class TaskRepositoryTest {

    private static final TaskSpec SPEC = new TaskSpec("stored", null, 5, List.of(), null, 3, Duration.ofSeconds(1),
            Duration.ofMinutes(5), 2.0);

    private final UUID tenant = UUID.randomUUID();

    @Inject
    TaskRepository tasks;

    @Inject
    Pool pool;

    private NewTask newTask(String idempotencyKey) {
        return new NewTask(Ids.next(), tenant, SPEC, null, null, null, null, 0, idempotencyKey,
                idempotencyKey == null ? null : "fingerprint of " + idempotencyKey, null, null, null);
    }

    @Test
    @RunOnVertxContext
    void aNewTaskDueNowIsScheduledWithItsCreatedEvent(UniAsserter asserter) {
        NewTask task = newTask(null);
        asserter.assertThat(() -> tasks.insert(pool, task), rows -> assertEquals(List.of(TaskStatus.SCHEDULED),
                rows.stream().map(row -> row.view().status()).toList()));
        asserter.assertThat(() -> tasks.events(pool, tenant, task.id()),
                events -> assertEquals(List.of("created"), events.stream().map(TaskEventView::reason).toList()));
    }

    @Test
    @RunOnVertxContext
    void aTransitionRecordsTheEventOfTheChangeItMakes(UniAsserter asserter) {
        NewTask task = newTask(null);
        asserter.execute(() -> tasks.insert(pool, task));
        asserter.assertThat(() -> tasks.transition(pool, TaskSql.CANCEL, Tuple.of(tenant, task.id(), "tester")),
                rows -> assertEquals(TaskStatus.SCHEDULED, rows.get(0).previous()));
        asserter.assertThat(() -> tasks.events(pool, tenant, task.id()), events -> {
            assertEquals(List.of("created", "cancelled by tester"), events.stream().map(TaskEventView::reason).toList());
            assertEquals(TaskStatus.CANCELLED, events.get(1).to());
        });
    }

    @Test
    @RunOnVertxContext
    void aSecondTaskUnderTheSameIdempotencyKeyIsNotInserted(UniAsserter asserter) {
        NewTask first = newTask("once");
        asserter.execute(() -> tasks.insert(pool, first));
        asserter.assertThat(() -> tasks.insert(pool, newTask("once")), rows -> assertEquals(List.of(), rows));
        asserter.assertThat(() -> tasks.findByIdempotencyKeys(pool, tenant, List.of("once")), found -> {
            assertEquals(first.id(), found.get("once").row().view().id());
            assertEquals("fingerprint of once", found.get("once").hash());
        });
    }

    @Test
    @RunOnVertxContext
    void anotherTenantsTaskIsNotFound(UniAsserter asserter) {
        NewTask task = newTask(null);
        asserter.execute(() -> tasks.insert(pool, task));
        asserter.assertThat(() -> tasks.find(pool, UUID.randomUUID(), task.id()), row -> assertNull(row));
    }
}
