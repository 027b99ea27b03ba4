package dev.flotilla.health.page;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's status page settings: its public address ({@code /status/<slug>}), title, and what it shows. */
public record StatusPage(UUID tenant, String slug, String title, boolean enabled, List<String> groups,
        boolean includePlatform, Instant createdAt, Instant updatedAt, int version) {

    public StatusPage {
        groups = List.copyOf(groups);
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
