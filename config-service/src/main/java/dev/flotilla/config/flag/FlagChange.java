package dev.flotilla.config.flag;

import dev.flotilla.config.targeting.FlagSpec;

/**
 * One change of a flag in an environment: {@code definition} puts it (creates or replaces it), null deletes
 * it. {@code ifMatch} and {@code ifNoneMatch} are the request's preconditions; {@code message} says why (for its
 * revision, none when null); {@code rolledBackTo} is the revision a rollback restores (null: not a rollback). Every
 * change of a flag is made by {@link FlagService#apply}, the one place where it can be recorded, approved or scheduled.
 */
public record FlagChange(String key, String environment, FlagSpec definition, String ifMatch, String ifNoneMatch,
        String message, Long rolledBackTo) {

    public static FlagChange put(String key, String environment, FlagSpec definition, String ifMatch, String ifNoneMatch) {
        return new FlagChange(key, environment, definition, ifMatch, ifNoneMatch, null, null);
    }

    public static FlagChange delete(String key, String environment, String ifMatch) {
        return new FlagChange(key, environment, null, ifMatch, null, null, null);
    }

    /** Gives the flag revision {@code number}'s definition again ({@code definition} null: deletes it). */
    public static FlagChange rollback(String key, String environment, FlagSpec definition, String ifMatch, long number,
            String message) {
        return new FlagChange(key, environment, definition, ifMatch, null, message, number);
    }

    /** This change with {@code message} for its revision; a blank one is none. */
    public FlagChange withMessage(String message) {
        String stripped = message == null || message.isBlank() ? null : message.strip();
        return new FlagChange(key, environment, definition, ifMatch, ifNoneMatch, stripped, rolledBackTo);
    }

    public boolean deletes() {
        return definition == null;
    }
}
