package dev.flotilla.task.workflow;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of {@code POST /api/v1/workflows}: a named DAG of tasks. */
public record CreateWorkflow(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid WorkflowTask> tasks) {
}
