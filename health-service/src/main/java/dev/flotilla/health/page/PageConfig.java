package dev.flotilla.health.page;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the public status pages, under {@code flotilla.health.page}. */
@ConfigMapping(prefix = "flotilla.health.page")
public interface PageConfig {

    /** How often an open page's live stream looks for a change. */
    @WithDefault("2s")
    Duration refresh();

    /** How long browsers and caches may keep a page's answers. */
    @WithDefault("10s")
    Duration maxAge();
}
