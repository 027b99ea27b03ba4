package dev.flotilla.config.namespace;

import dev.flotilla.common.error.BadRequest;

import java.util.regex.Pattern;

/** The rules of namespace names: one path segment, readable in URLs and file names. */
public final class Namespaces {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private Namespaces() {
    }

    public static String requireName(String field, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadRequest(field, "must be 1 to 100 letters, digits, dots, underscores or hyphens, starting with a letter"
                    + " or digit");
        }
        return name;
    }
}
