package dev.flotilla.task.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which tasks of a workflow a retry starts again. A task that failed, died or timed out is run again,
 * and so is a task that was cancelled because a dependency did not succeed (not one that people
 * cancelled); succeeded tasks keep their results. A task is reset only if each of its dependencies
 * has succeeded, is still to finish, or is reset too: a dependent of a task that stays failed or
 * cancelled would wait for ever.
 */
final class RetryPlan {

    /** One task of the workflow: its status, whether people cancelled it, the ids of its dependencies. */
    record Node(UUID id, String key, TaskStatus status, boolean cancelRequested, List<UUID> dependsOn) {

        boolean failed() {
            return TaskStatus.RETRYABLE.contains(status);
        }

        boolean cancelledByADependency() {
            return status == TaskStatus.CANCELLED && !cancelRequested;
        }
    }

    private RetryPlan() {
    }

    /** The tasks a retry of the whole workflow resets: every failed one, and the dependents they cancelled. */
    static Set<UUID> ofWorkflow(Collection<Node> tasks) {
        Set<UUID> candidates = new LinkedHashSet<>();
        for (Node task : tasks) {
            if (task.failed() || task.cancelledByADependency()) {
                candidates.add(task.id());
            }
        }
        return pruned(tasks, candidates);
    }

    /** The tasks a retry of one failed task resets: it, and the dependents it cancelled. */
    static Set<UUID> ofTask(Collection<Node> tasks, UUID failed) {
        Map<UUID, List<UUID>> dependents = new HashMap<>();
        Map<UUID, Node> byId = new HashMap<>();
        for (Node task : tasks) {
            byId.put(task.id(), task);
            for (UUID dependency : task.dependsOn()) {
                dependents.computeIfAbsent(dependency, ignored -> new ArrayList<>()).add(task.id());
            }
        }
        Set<UUID> candidates = new LinkedHashSet<>(List.of(failed));
        Deque<UUID> below = new ArrayDeque<>(List.of(failed));
        while (!below.isEmpty()) {
            for (UUID dependent : dependents.getOrDefault(below.pop(), List.of())) {
                if (byId.get(dependent).cancelledByADependency() && candidates.add(dependent)) {
                    below.push(dependent);
                }
            }
        }
        return pruned(tasks, candidates);
    }

    /** The candidates without those that depend on a task that did not succeed and is not reset, until none is left. */
    private static Set<UUID> pruned(Collection<Node> tasks, Set<UUID> candidates) {
        Map<UUID, Node> byId = new HashMap<>();
        tasks.forEach(task -> byId.put(task.id(), task));
        boolean changed = true;
        while (changed) {
            changed = candidates.removeIf(id -> byId.get(id).dependsOn().stream()
                    .anyMatch(dependency -> !candidates.contains(dependency)
                            && TaskStatus.UNSUCCESSFUL.contains(byId.get(dependency).status())));
        }
        return candidates;
    }
}
