package dev.flotilla.config.targeting;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * A feature flag as it is written ({@code PUT /api/v1/flags/{key}}) and stored: its value type, the named
 * variants (name → value of that type), the variant answered by default, the kill switch, the targeting
 * rules tried in order, and metadata handed to every evaluation. {@link Definitions#flag} checks it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlagSpec(
        @NotNull @Size(max = 20) String type,
        @Size(max = FlagSpec.MAX_DESCRIPTION) String description,
        @NotNull Boolean enabled,
        @NotNull @Size(min = 1, max = FlagSpec.MAX_VARIANTS) Map<String, Object> variants,
        @NotNull @Size(max = FlagSpec.MAX_NAME) String defaultVariant,
        @Size(max = FlagSpec.MAX_RULES) List<@NotNull @Valid RuleSpec> rules,
        @Size(max = FlagSpec.MAX_METADATA) Map<String, Object> metadata) {

    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_VARIANTS = 100;
    public static final int MAX_NAME = 100;
    public static final int MAX_RULES = 200;
    public static final int MAX_METADATA = 50;

    /** The rules, none when absent. */
    public List<RuleSpec> rulesOrNone() {
        return rules == null ? List.of() : rules;
    }

    /** The metadata, none when absent. */
    public Map<String, Object> metadataOrNone() {
        return metadata == null ? Map.of() : metadata;
    }
}
