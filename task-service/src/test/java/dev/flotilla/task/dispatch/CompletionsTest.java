package dev.flotilla.task.dispatch;

import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.Problem;
import dev.flotilla.task.task.Backoff;
import dev.flotilla.task.task.TaskStatus;
import dev.flotilla.task.task.TaskView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The outcomes of a batch completion, in full and in the minimal answer. */
class CompletionsTest {

    private static TaskView succeeded(UUID id) {
        return new TaskView(id, "work", null, 5, List.of(), TaskStatus.SUCCEEDED, null, null, 1, 3,
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0), null, null, null, null, null, null, null, false,
                1.0, null, null, null, null, null, null, null, null);
    }

    @Test
    void aCompletedTaskIsAnsweredWithItsView() {
        UUID id = UUID.randomUUID();
        TaskView task = succeeded(id);
        assertEquals(new Completion(id, true, task, null), Completion.of(task));
    }

    @Test
    void aRefusedTaskCarriesTheProblemItsOwnCompleteWouldAnswer() {
        UUID id = UUID.randomUUID();
        Problem problem = Completion.refused(id, new NotFound("task", id)).problem();
        assertEquals("urn:flotilla:problem:not-found", problem.type());
        assertEquals(404, problem.status());
        assertEquals("task " + id + " was not found", problem.detail());
        assertEquals("/api/v1/tasks/" + id, problem.instance());
    }

    @Test
    void theMinimalAnswerKeepsEveryOutcomeInOrderWithoutTheTasks() {
        UUID done = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        Completions full = new Completions(
                List.of(Completion.of(succeeded(done)), Completion.refused(refused, new Conflict("expired"))));
        Completions minimal = full.minimal();
        assertEquals(List.of(done, refused), minimal.tasks().stream().map(Completion::id).toList());
        assertEquals(List.of(true, false), minimal.tasks().stream().map(Completion::completed).toList());
        assertNull(minimal.tasks().get(0).task());
        assertEquals(full.tasks().get(1).problem(), minimal.tasks().get(1).problem());
    }
}
