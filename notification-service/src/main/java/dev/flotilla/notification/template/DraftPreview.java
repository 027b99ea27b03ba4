package dev.flotilla.notification.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** The body of {@code POST /api/v1/templates/preview}: a template not saved yet, and sample data. */
public record DraftPreview(
        @NotNull @Valid SaveTemplate template,
        Map<String, Object> data,
        @Size(max = 1000) String subject) {
}
