package dev.flotilla.policy.policy;

import dev.flotilla.policy.evaluation.RuleDefinition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of {@code POST /api/v1/policies} and {@code PUT /api/v1/policies/{id}}: a policy as written. */
public record PolicyDraft(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^/\\s][^/]*", message = "must not contain '/' or start with a space") String name,
        @Size(max = 2000) String description,
        @NotNull @Size(max = 500) List<@NotNull @Valid RuleDefinition> rules) {
}
