package dev.flotilla.health.page;

import java.time.Instant;
import java.util.List;

/** A status page's settings as the API shows them, with the path it is published at. */
public record StatusPageView(String slug, String title, boolean enabled, List<String> groups, boolean includePlatform,
        String path, Instant createdAt, Instant updatedAt, int version) {

    static StatusPageView of(StatusPage page) {
        return new StatusPageView(page.slug(), page.title(), page.enabled(), page.groups(), page.includePlatform(),
                PublicPageResource.PATH.replace("{slug}", page.slug()), page.createdAt(), page.updatedAt(), page.version());
    }
}
