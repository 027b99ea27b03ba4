package dev.flotilla.task.task;

import dev.flotilla.common.error.Conflict;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Retries within a workflow, in the caller's transaction and under the workflow's row lock: the
 * tasks {@link RetryPlan} picks start again with a fresh set of attempts (each change a task event),
 * the retry is an event of the workflow's history, and the workflow is rolled up again with the
 * consequences of the reset (back to RUNNING or PENDING). A cancelled workflow is not retried: people decided it should stop.
 */
@ApplicationScoped
public class TaskRetries {

    private final Transitions transitions;

    public TaskRetries(Transitions transitions) {
        this.transitions = transitions;
    }

    /**
     * Retries every failed task of the tenant's workflow (locked, of status {@code status}) and the
     * dependents they cancelled; 409 when there is none.
     */
    public Uni<List<TaskRow>> retryWorkflow(SqlConnection connection, UUID tenant, UUID workflow, String status, String by) {
        return retry(connection, tenant, workflow, status, by, RetryPlan::ofWorkflow,
                () -> new Conflict("Workflow " + workflow + " is " + status + " and has no failed task to retry"));
    }

    /**
     * Retries one FAILED, DEAD or TIMED_OUT task of the tenant's workflow (locked, of status
     * {@code status}) and the dependents it cancelled; 409 for a task in another state.
     */
    public Uni<List<TaskRow>> retryTask(SqlConnection connection, UUID tenant, UUID workflow, String status, UUID task,
            String by) {
        return retry(connection, tenant, workflow, status, by, graph -> graph.stream()
                .anyMatch(node -> node.id().equals(task) && node.failed()) ? RetryPlan.ofTask(graph, task) : Set.of(),
                () -> new Conflict("Task " + task + " is not FAILED, DEAD or TIMED_OUT; only those can be retried"));
    }

    private Uni<List<TaskRow>> retry(SqlConnection connection, UUID tenant, UUID workflow, String status, String by,
            Function<List<RetryPlan.Node>, Set<UUID>> plan, Supplier<Conflict> nothing) {
        if ("CANCELLED".equals(status)) {
            return Uni.createFrom().failure(new Conflict("Workflow " + workflow + " was cancelled; it is not retried"));
        }
        return RetrySql.graph(connection, tenant, workflow).chain(graph -> {
            Set<UUID> reset = plan.apply(graph);
            if (reset.isEmpty()) {
                return Uni.createFrom().failure(nothing.get());
            }
            String keys = graph.stream().filter(node -> reset.contains(node.id())).map(RetryPlan.Node::key)
                    .collect(Collectors.joining(", "));
            return RetrySql.recordRetry(connection, tenant, workflow, status, "retried by " + by + ": " + keys)
                    .chain(() -> transitions.run(connection, RetrySql.RESET,
                            Tuple.of(tenant, reset.toArray(UUID[]::new), "retried by " + by)));
        });
    }
}
