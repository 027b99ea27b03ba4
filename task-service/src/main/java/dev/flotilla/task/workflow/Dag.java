package dev.flotilla.task.workflow;

import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a workflow's tasks form a directed acyclic graph: keys unique, every dependency names
 * a key of the workflow, no cycle (a task depending on itself included). A violation is a 422
 * naming the offending tasks; a cycle is reported as the path that closes it.
 */
final class Dag {

    private Dag() {
    }

    static void validate(List<WorkflowTask> tasks) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (index.putIfAbsent(tasks.get(i).key(), i) != null) {
                errors.add(new Problem.FieldError("tasks[" + i + "].key", "duplicate key '" + tasks.get(i).key() + "'"));
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            for (String dependency : dependencies(tasks.get(i))) {
                if (!index.containsKey(dependency)) {
                    errors.add(new Problem.FieldError("tasks[" + i + "].dependsOn", "unknown key '" + dependency + "'"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The workflow's tasks do not form a valid graph", errors);
        }
        List<String> cycle = findCycle(tasks);
        if (!cycle.isEmpty()) {
            int first = index.get(cycle.get(0));
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "The workflow's dependencies form a cycle: " + String.join(" -> ", cycle),
                    List.of(new Problem.FieldError("tasks[" + first + "].dependsOn", "cycle " + String.join(" -> ", cycle))));
        }
    }

    static List<String> dependencies(WorkflowTask task) {
        return task.dependsOn() == null ? List.of() : task.dependsOn().stream().distinct().toList();
    }

    /** A cycle as a path whose last key is its first, or empty; iterative depth-first search. */
    private static List<String> findCycle(List<WorkflowTask> tasks) {
        Map<String, List<String>> edges = new HashMap<>();
        for (WorkflowTask task : tasks) {
            edges.put(task.key(), dependencies(task));
        }
        Set<String> done = new HashSet<>();
        for (WorkflowTask start : tasks) {
            if (done.contains(start.key())) {
                continue;
            }
            List<String> path = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            Set<String> onPath = new HashSet<>();
            path.add(start.key());
            next.add(0);
            onPath.add(start.key());
            while (!path.isEmpty()) {
                int top = path.size() - 1;
                String node = path.get(top);
                List<String> out = edges.get(node);
                int i = next.get(top);
                if (i < out.size()) {
                    next.set(top, i + 1);
                    String target = out.get(i);
                    if (onPath.contains(target)) {
                        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
                        cycle.add(target);
                        return cycle;
                    }
                    if (!done.contains(target)) {
                        path.add(target);
                        next.add(0);
                        onPath.add(target);
                    }
                } else {
                    done.add(node);
                    onPath.remove(node);
                    path.remove(top);
                    next.remove(top);
                }
            }
        }
        return List.of();
    }
}
