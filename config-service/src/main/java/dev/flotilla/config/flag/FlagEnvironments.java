package dev.flotilla.config.flag;

import dev.flotilla.common.error.BadRequest;

import java.util.regex.Pattern;

/**
 * The names of the environments flags live in: {@code dev}, {@code staging}, {@code prod} and those the tenant
 * defines. A name of 1 to 40 lower-case letters, digits and dashes, starting with a letter, is well formed here;
 * whether the tenant has that environment is for the caller to check ({@code EnvironmentSql.hold} in a change,
 * {@code EnvironmentService.require} in a read, {@link FlagSnapshots} for OFREP).
 */
public final class FlagEnvironments {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private FlagEnvironments() {
    }

    /** Whether {@code env} is an environment's name. */
    public static boolean isName(String env) {
        return env != null && NAME.matcher(env).matches();
    }

    /** {@code env}, checked: a 400 naming {@code parameter} when it is absent or not an environment's name. */
    public static String require(String parameter, String env) {
        if (env == null || env.isEmpty()) {
            throw new BadRequest(parameter, "is required: the environment (dev, staging, prod, ...)");
        }
        if (!isName(env)) {
            throw new BadRequest(parameter, "is not an environment's name (1 to 40 of a-z, 0-9 and -, starting with a letter)");
        }
        return env;
    }
}
