package dev.flotilla.config.flag;

import dev.flotilla.config.targeting.FlagSpec;

/**
 * One change of a flag in an environment: {@code definition} puts it (creates or replaces it), null deletes
 * it. {@code ifMatch} and {@code ifNoneMatch} are the request's preconditions. Every change of a flag is made
 * by {@link FlagService#apply}, the one place where it can be recorded, approved or scheduled.
 */
public record FlagChange(String key, String environment, FlagSpec definition, String ifMatch, String ifNoneMatch) {

    public static FlagChange put(String key, String environment, FlagSpec definition, String ifMatch, String ifNoneMatch) {
        return new FlagChange(key, environment, definition, ifMatch, ifNoneMatch);
    }

    public static FlagChange delete(String key, String environment, String ifMatch) {
        return new FlagChange(key, environment, null, ifMatch, null);
    }

    public boolean deletes() {
        return definition == null;
    }
}
