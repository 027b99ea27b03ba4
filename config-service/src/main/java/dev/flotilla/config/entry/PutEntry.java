package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/v1/namespaces/{ns}/entries/{key}}: the value (any JSON but null) of the {@code type}
 * given ({@code string}, {@code number}, {@code boolean}, {@code json}), an optional JSON Schema the value must
 * satisfy, a description, whether it is a secret, and a message for the revision.
 */
public record PutEntry(
        JsonNode value,
        @NotNull @Size(max = 10) String type,
        JsonNode schema,
        @Size(max = 2000) String description,
        Boolean secret,
        @Size(max = 2000) String message) {
}
