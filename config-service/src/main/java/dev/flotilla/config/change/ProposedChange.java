package dev.flotilla.config.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.config.targeting.FlagSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * One change of a change request. An entry: {@code key}, {@code env} (none: the namespace default) and what a direct
 * {@code PUT} carries ({@code value}, {@code type}, {@code schema}, {@code description}, {@code secret}), or
 * {@code delete: true}. A flag: {@code key} and its {@code definition} (the body of a direct {@code PUT}), or
 * {@code delete: true}. {@code ifMatch}: the {@code ETag} the entry or flag has now, when the author wants to say so.
 */
public record ProposedChange(
        @Size(max = 200) String key,
        @Size(max = 40) String env,
        JsonNode value,
        @Size(max = 10) String type,
        JsonNode schema,
        @Size(max = 2000) String description,
        Boolean secret,
        Boolean delete,
        @Valid FlagSpec definition,
        @Size(max = 200) String ifMatch) {

    boolean deletes() {
        return Boolean.TRUE.equals(delete);
    }
}
