package dev.flotilla.task.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs task state changes and, in the same transaction, their consequences:
 * <ul>
 * <li>a task of a workflow that SUCCEEDED counts down its dependents' open dependencies, and those
 * with none left (and due) become SCHEDULED;</li>
 * <li>a workflow task that becomes claimable has the references of its payload to its dependencies'
 * results resolved ({@link PayloadReferences}), or fails when one names nothing;</li>
 * <li>a task of a workflow that ended without success cancels all its (transitive) dependents;</li>
 * <li>the status of every workflow touched is rolled up from its tasks.</li>
 * </ul>
 * Tenants with newly claimable tasks are announced by the statements that make them claimable
 * ({@link TaskRepository#transition}).
 */
@ApplicationScoped
public class Transitions {

    private final TaskRepository tasks;
    private final ObjectMapper json;

    public Transitions(TaskRepository tasks, ObjectMapper json) {
        this.tasks = tasks;
        this.json = json;
    }

    /** Runs a changing statement (see {@link TaskRepository#transition}) and then its consequences. */
    public Uni<List<TaskRow>> run(SqlConnection connection, String changing, Tuple params) {
        return run(connection, "", changing, params);
    }

    /** As {@link #run(SqlConnection, String, Tuple)}, with common table expressions the changing statement reads. */
    public Uni<List<TaskRow>> run(SqlConnection connection, String before, String changing, Tuple params) {
        return tasks.transition(connection, before, changing, params)
                .call(rows -> consequences(connection, rows, new LinkedHashSet<>()));
    }

    /** The consequences of rows already changed (and recorded) in this transaction. */
    public Uni<Void> consequences(SqlConnection connection, List<TaskRow> rows, Set<UUID> workflows) {
        Consequences due = Consequences.of(rows);
        workflows.addAll(due.workflows());
        Uni<Void> work = Uni.createFrom().voidItem();
        if (!due.succeeded().isEmpty()) {
            Tuple ids = Tuple.of(due.succeeded().toArray(UUID[]::new));
            work = work.chain(() -> TransitionSql.countDown(connection, ids))
                    .chain(() -> tasks.transition(connection, TransitionSql.RELEASE_DEPENDENTS, ids))
                    .chain(releasedRows -> resolveReferences(connection, released(releasedRows), workflows));
        }
        if (!due.unsuccessful().isEmpty()) {
            Tuple ids = Tuple.of(due.unsuccessful().toArray(UUID[]::new));
            work = work.chain(() -> tasks.transition(connection, TransitionSql.CANCEL_DEPENDENTS, ids))
                    .replaceWithVoid();
        }
        List<UUID> released = released(rows);
        if (!released.isEmpty()) {
            work = work.chain(() -> resolveReferences(connection, released, workflows));
        }
        return work.chain(() -> rollUp(connection, workflows));
    }

    /**
     * Workflow tasks that have just become claimable from waiting or from an end (released, due, or
     * retried), whose payload references are resolved now; not those going back to the queue after
     * an attempt, whose payload was resolved before it.
     */
    static List<UUID> released(List<TaskRow> rows) {
        List<UUID> released = new ArrayList<>();
        for (TaskRow row : rows) {
            if (row.view().workflowId() != null && row.moved() && row.view().status() == TaskStatus.SCHEDULED
                    && row.previous() != null && row.previous() != TaskStatus.RUNNING) {
                released.add(row.view().id());
            }
        }
        return released;
    }

    /**
     * Replaces the payload references of the released tasks by what they name in their dependencies'
     * results ({@link PayloadReferences}); a task whose reference names nothing FAILS, with the
     * reason, and its dependents follow as for any failure.
     */
    private Uni<Void> resolveReferences(SqlConnection connection, List<UUID> released, Set<UUID> workflows) {
        if (released.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return TransitionSql.templates(connection, Tuple.of(released.toArray(UUID[]::new))).chain(rows -> {
            List<Tuple> resolved = new ArrayList<>();
            List<UUID> unresolved = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (Row row : rows) {
                try {
                    JsonNode payload = PayloadReferences.resolve(read(row.getString("template")), results(row));
                    resolved.add(Tuple.of(row.getUUID("id"), tasks.write(payload)));
                } catch (PayloadReferences.Unresolvable e) {
                    unresolved.add(row.getUUID("id"));
                    reasons.add(e.getMessage());
                }
            }
            Uni<Void> work = resolved.isEmpty() ? Uni.createFrom().voidItem()
                    : TransitionSql.writePayloads(connection, resolved);
            if (unresolved.isEmpty()) {
                return work;
            }
            Tuple failures = Tuple.of(unresolved.toArray(UUID[]::new), reasons.toArray(String[]::new));
            return work.chain(() -> tasks.transition(connection, TransitionSql.FAIL_UNRESOLVED, failures))
                    .chain(failed -> consequences(connection, failed, workflows));
        });
    }

    private Map<String, JsonNode> results(Row row) {
        Map<String, JsonNode> results = new HashMap<>();
        JsonNode all = read(row.getString("results"));
        if (all != null) {
            all.fields().forEachRemaining(result -> results.put(result.getKey(), result.getValue()));
        }
        return results;
    }

    private JsonNode read(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON that does not parse", e);
        }
    }

    /** Recomputes the status of the workflows from their tasks, under the workflows' row locks. */
    public Uni<Void> rollUp(SqlConnection connection, Set<UUID> workflows) {
        if (workflows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple ids = Tuple.of(workflows.toArray(UUID[]::new));
        return TransitionSql.lockWorkflows(connection, ids)
                .chain(() -> TransitionSql.rollUp(connection, ids));
    }

    /**
     * What changed rows set off: the workflows of their tasks (to roll up), and the workflow tasks
     * that have just succeeded (their dependents may be released) or just ended without success
     * (their dependents are cancelled). A row whose status did not move sets off only its roll-up.
     */
    record Consequences(Set<UUID> workflows, List<UUID> succeeded, List<UUID> unsuccessful) {

        static Consequences of(List<TaskRow> rows) {
            Set<UUID> workflows = new LinkedHashSet<>();
            List<UUID> succeeded = new ArrayList<>();
            List<UUID> unsuccessful = new ArrayList<>();
            for (TaskRow row : rows) {
                if (row.view().workflowId() == null) {
                    continue;
                }
                workflows.add(row.view().workflowId());
                if (!row.moved()) {
                    continue;
                }
                if (row.view().status() == TaskStatus.SUCCEEDED) {
                    succeeded.add(row.view().id());
                } else if (TaskStatus.UNSUCCESSFUL.contains(row.view().status())) {
                    unsuccessful.add(row.view().id());
                }
            }
            return new Consequences(workflows, succeeded, unsuccessful);
        }
    }
}
