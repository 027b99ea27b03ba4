package dev.flotilla.config.apikey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/api-keys}: what the key is for, and the one environment it evaluates. */
public record CreateApiKey(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Size(max = 40) String environment) {
}
