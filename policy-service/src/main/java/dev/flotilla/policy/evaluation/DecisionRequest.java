package dev.flotilla.policy.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * An authorization question: may {@code subject} do {@code action} to {@code resource}, given
 * {@code context}? The same shape is the body of {@code POST /api/v1/decisions}, the input of a
 * stored policy test and what the decision log keeps.
 */
public record DecisionRequest(
        @NotNull @Valid Subject subject,
        @NotBlank @Size(max = 200) String action,
        @NotNull @Valid Resource resource,
        Map<String, Object> context) {

    /** Who asks: a user or service id, its roles and any further attributes. */
    public record Subject(
            @NotBlank @Size(max = 200) String id,
            @Size(max = 100) List<@NotNull String> roles,
            Map<String, Object> attributes) {
    }

    /** What is acted on: its type ({@code conversation}), id and attributes (e.g. {@code ownerId}). */
    public record Resource(
            @NotBlank @Size(max = 100) String type,
            @Size(max = 300) String id,
            Map<String, Object> attributes) {

        /** The name resource globs match: {@code type:id}, or {@code type:} without an id. */
        public String qualifiedName() {
            return type + ":" + (id == null ? "" : id);
        }
    }
}
