package dev.flotilla.config.settings;

import java.util.Map;

/** Every category the caller has settings in (or the one asked for), by name, in name order. */
public record AllSettings(Map<String, CategorySettings> categories) {
}
