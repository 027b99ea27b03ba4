package dev.flotilla.task.task;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Runs task state changes and, in the same transaction, their consequences:
 * <ul>
 * <li>a task of a workflow that SUCCEEDED counts down its dependents' open dependencies, and those
 * with none left (and due) become SCHEDULED;</li>
 * <li>a task of a workflow that ended without success cancels all its (transitive) dependents;</li>
 * <li>the status of every workflow touched is rolled up from its tasks.</li>
 * </ul>
 * Tenants with newly claimable tasks are announced by the statements that make them claimable
 * ({@link TaskRepository#transition}).
 */
@ApplicationScoped
public class Transitions {

    private final TaskRepository tasks;

    public Transitions(TaskRepository tasks) {
        this.tasks = tasks;
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
                    .replaceWithVoid();
        }
        if (!due.unsuccessful().isEmpty()) {
            Tuple ids = Tuple.of(due.unsuccessful().toArray(UUID[]::new));
            work = work.chain(() -> tasks.transition(connection, TransitionSql.CANCEL_DEPENDENTS, ids))
                    .replaceWithVoid();
        }
        return work.chain(() -> rollUp(connection, workflows));
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
