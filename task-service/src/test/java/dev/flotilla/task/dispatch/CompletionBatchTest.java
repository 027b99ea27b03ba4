package dev.flotilla.task.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Problem;
import dev.flotilla.task.task.TaskRepository;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The completions of a batch as the statement that completes them reads them, checked before anything is done. */
class CompletionBatchTest {

    private final ObjectMapper json = new ObjectMapper();
    /** Writing the batch needs neither the database nor transitions. */
    private final LeaseService leases = new LeaseService(null, new TaskRepository(json), null, json);

    @Test
    void eachCompletionIsWrittenWithItsIdLeaseAndResultInTheOrderGiven() throws Exception {
        UUID first = UUID.randomUUID();
        UUID firstLease = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID secondLease = UUID.randomUUID();
        JsonNode batch = json.readTree(leases.completionBatch("tasks", List.of(
                new TaskCompletion(first, firstLease, json.readTree("{\"pages\": 3}")),
                new TaskCompletion(second, secondLease, json.readTree("[1, 2]")))));
        assertEquals(json.readTree("""
                [{"id": "%s", "lease_id": "%s", "result": {"pages": 3}},
                 {"id": "%s", "lease_id": "%s", "result": [1, 2]}]""".formatted(first, firstLease, second, secondLease)),
                batch);
    }

    @Test
    void aCompletionWithoutResultHasNoResultMember() throws Exception {
        JsonNode batch = json.readTree(
                leases.completionBatch("tasks", List.of(new TaskCompletion(UUID.randomUUID(), UUID.randomUUID(), null))));
        assertFalse(batch.get(0).has("result"));
    }

    @Test
    void aTaskNamedTwiceIsRefusedNamingBothPlaces() {
        UUID task = UUID.randomUUID();
        List<TaskCompletion> items = List.of(new TaskCompletion(task, UUID.randomUUID(), null),
                new TaskCompletion(UUID.randomUUID(), UUID.randomUUID(), null),
                new TaskCompletion(task, UUID.randomUUID(), null));
        BadRequest refusal = assertThrows(BadRequest.class, () -> leases.completionBatch("complete", items));
        assertEquals(List.of(new Problem.FieldError("complete[2].id", "repeats complete[0].id")), refusal.errors());
    }
}
