package dev.flotilla.config.settings;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of user settings and tenant defaults, under {@code flotilla.settings}. */
@ConfigMapping(prefix = "flotilla.settings")
public interface SettingsConfig {

    /** The largest value of one setting, as compact JSON ({@code FLOTILLA_SETTINGS_MAX_VALUE_SIZE}); beyond, a 413. */
    @WithDefault("64K")
    MemorySize maxValueSize();

    /**
     * How many keys one user, and the tenant's defaults, may hold in one category
     * ({@code FLOTILLA_SETTINGS_MAX_KEYS_PER_CATEGORY}); a write that would add one more is a 409.
     */
    @WithDefault("500")
    int maxKeysPerCategory();
}
