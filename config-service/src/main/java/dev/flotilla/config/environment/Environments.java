package dev.flotilla.config.environment;

import dev.flotilla.common.error.BadRequest;

import java.util.List;
import java.util.regex.Pattern;

/** The rules of environment names, and the environments every tenant has. */
public final class Environments {

    /** Every tenant's environments, without a row of their own. */
    public static final List<String> BUILT_IN = List.of("dev", "staging", "prod");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private Environments() {
    }

    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static String requireName(String field, String name) {
        if (!isName(name)) {
            throw new BadRequest(field, "must be 1 to 32 lowercase letters, digits or hyphens, starting with a letter");
        }
        return name;
    }
}
