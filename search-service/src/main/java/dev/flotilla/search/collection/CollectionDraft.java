package dev.flotilla.search.collection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/collections}. */
public record CollectionDraft(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Valid SettingsDraft settings) {
}
