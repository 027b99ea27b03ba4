package dev.flotilla.config.entry;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.config.environment.Environments;

import java.util.regex.Pattern;

/** The rules of entry keys and of the {@code env} parameter that names an entry's layer. */
public final class EntryKeys {

    /** The layer of the namespace default, which environments fall back to. */
    public static final String DEFAULT_LAYER = "";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");

    private EntryKeys() {
    }

    public static String requireKey(String field, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new BadRequest(field, "must be 1 to 200 letters, digits, dots, underscores or hyphens, not starting with"
                    + " a dot or hyphen");
        }
        return key;
    }

    /** The layer {@code env} names: the default when it is absent or empty, else a well-formed environment name. */
    public static String layer(String env) {
        return env == null || env.isEmpty() ? DEFAULT_LAYER : Environments.requireName("env", env);
    }
}
