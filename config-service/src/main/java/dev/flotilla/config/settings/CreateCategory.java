package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/settings-categories}: the name, a description, and an optional
 * JSON Schema that every value of the category (users' own and the tenant's defaults) must satisfy.
 */
public record CreateCategory(
        @NotNull @Pattern(regexp = SettingNames.CATEGORY_NAME, message = SettingNames.CATEGORY_NAME_RULE) String name,
        @Size(max = 500) String description,
        JsonNode schema) {
}
