package dev.flotilla.task.workflow;

import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What makes a workflow's tasks a valid graph, and how a graph that is not one is refused. */
class DagTest {

    private static WorkflowTask task(String key, String... dependsOn) {
        return new WorkflowTask(key, "step-" + key, null, null, null, null, null, null, Arrays.asList(dependsOn));
    }

    private static ProblemException refusal(WorkflowTask... tasks) {
        ProblemException refusal = assertThrows(ProblemException.class, () -> Dag.validate(List.of(tasks)));
        assertEquals(ProblemType.UNPROCESSABLE, refusal.type());
        return refusal;
    }

    @Test
    void aChainOfDependenciesIsAcceptedAsAGraph() {
        assertDoesNotThrow(() -> Dag.validate(List.of(task("fetch"), task("parse", "fetch"), task("index", "parse", "fetch"))));
    }

    @Test
    void aDiamondIsNotACycle() {
        assertDoesNotThrow(() -> Dag.validate(List.of(task("root"), task("left", "root"), task("right", "root"),
                task("join", "left", "right"))));
    }

    @Test
    void aCycleIsRefusedNamingItsTasks() {
        ProblemException refusal = refusal(task("a", "c"), task("b", "a"), task("c", "b"));
        assertEquals("The workflow's dependencies form a cycle: a -> c -> b -> a", refusal.getMessage());
        assertEquals(List.of(new Problem.FieldError("tasks[0].dependsOn", "cycle a -> c -> b -> a")), refusal.errors());
    }

    @Test
    void aTaskDependingOnItselfIsACycle() {
        ProblemException refusal = refusal(task("a", "a"));
        assertEquals(List.of(new Problem.FieldError("tasks[0].dependsOn", "cycle a -> a")), refusal.errors());
    }

    @Test
    void aCycleIsNamedAtTheTaskWhereItsPathStarts() {
        ProblemException refusal = refusal(task("free"), task("ping", "pong"), task("pong", "ping"));
        assertEquals(List.of(new Problem.FieldError("tasks[1].dependsOn", "cycle ping -> pong -> ping")), refusal.errors());
    }

    @Test
    void aRepeatedKeyIsRefusedAtItsSecondUse() {
        ProblemException refusal = refusal(task("a"), task("a"));
        assertEquals(List.of(new Problem.FieldError("tasks[1].key", "duplicate key 'a'")), refusal.errors());
    }

    @Test
    void aDependencyOnAnUnknownKeyIsRefusedNamingTheKey() {
        ProblemException refusal = refusal(task("a", "ghost"));
        assertEquals(List.of(new Problem.FieldError("tasks[0].dependsOn", "unknown key 'ghost'")), refusal.errors());
    }

    @Test
    void everyRepeatedAndUnknownKeyIsReportedAtOnce() {
        ProblemException refusal = refusal(task("a"), task("a"), task("b", "ghost", "phantom"));
        assertEquals(List.of(new Problem.FieldError("tasks[1].key", "duplicate key 'a'"),
                new Problem.FieldError("tasks[2].dependsOn", "unknown key 'ghost'"),
                new Problem.FieldError("tasks[2].dependsOn", "unknown key 'phantom'")), refusal.errors());
    }

    @Test
    void aDependencyNamedTwiceCountsOnce() {
        assertEquals(List.of("a", "b"), Dag.dependencies(task("c", "a", "b", "a")));
    }

    @Test
    void aTaskWithoutDependsOnHasNoDependencies() {
        WorkflowTask alone = new WorkflowTask("alone", "step", null, null, null, null, null, null, null);
        assertEquals(List.of(), Dag.dependencies(alone));
    }
}
