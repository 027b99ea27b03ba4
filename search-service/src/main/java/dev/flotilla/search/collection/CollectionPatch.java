package dev.flotilla.search.collection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /api/v1/collections/{c}}: absent members stay as they are. */
public record CollectionPatch(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 2000) String description,
        @Valid SettingsDraft settings) {
}
