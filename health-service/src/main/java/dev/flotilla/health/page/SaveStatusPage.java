package dev.flotilla.health.page;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/status-page}: the page's slug (its public address {@code /status/<slug>}), title,
 * whether it is published, the target groups it shows (every group of the tenant when empty) and whether the suite's
 * own services are shown too.
 */
public record SaveStatusPage(
        @NotNull @Pattern(regexp = SaveStatusPage.SLUG, message = "must be 3 to 63 lower-case letters, digits and inner hyphens") String slug,
        @NotBlank @Size(max = 100) String title,
        @NotNull Boolean enabled,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> groups,
        Boolean includePlatform) {

    static final String SLUG = "[a-z0-9][a-z0-9-]{1,61}[a-z0-9]";
}
