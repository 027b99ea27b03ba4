package dev.flotilla.policy.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One rule of a policy as people write it and as it is stored: it applies to the actions and
 * resources its globs match and, when it has a condition, only where that CEL expression is true.
 *
 * @param id unique within the policy; names the rule in decisions and errors
 * @param effect {@code allow} or {@code deny}
 * @param actions globs over the action, e.g. {@code read}, {@code *}, {@code message.*}
 * @param resources globs over {@code type:id}, e.g. {@code conversation:*}; a glob without
 *        {@code :} names resource types ({@code conversation} = {@code conversation:*})
 * @param condition optional CEL expression over {@code subject}, {@code action}, {@code resource},
 *        {@code context} and {@code now}; absent or blank means "always"
 * @param description optional note for people
 */
public record RuleDefinition(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,100}", message = "must be 1-100 letters, digits or _.:-") String id,
        @NotNull Effect effect,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> actions,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 300) String> resources,
        @Size(max = 4000) String condition,
        @Size(max = 1000) String description) {

    public boolean hasCondition() {
        return condition != null && !condition.isBlank();
    }
}
