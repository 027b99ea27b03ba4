package dev.flotilla.notification.event;

import dev.flotilla.common.error.BadRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Event types and the patterns that select them. A type is dot-separated lower-case words
 * ({@code task.failed}, {@code workflow.completed}). A pattern is a type, {@code *} (every type),
 * or a prefix ending in {@code .*} ({@code task.*}: every type under {@code task}, at any depth).
 */
public final class EventTypes {

    public static final int MAX_LENGTH = 128;

    private static final String WORD = "[a-z0-9][a-z0-9_-]*";
    private static final Pattern TYPE = Pattern.compile(WORD + "(\\." + WORD + ")*");
    private static final Pattern PATTERN = Pattern.compile("\\*|" + WORD + "(\\." + WORD + ")*(\\.\\*)?");

    private EventTypes() {
    }

    public static boolean isType(String type) {
        return type != null && type.length() <= MAX_LENGTH && TYPE.matcher(type).matches();
    }

    public static boolean isPattern(String pattern) {
        return pattern != null && pattern.length() <= MAX_LENGTH && PATTERN.matcher(pattern).matches();
    }

    /** {@code type}, or a 400 naming {@code field}. */
    public static String requireType(String field, String type) {
        if (!isType(type)) {
            throw new BadRequest(field, "must be dot-separated lower-case words, such as task.failed");
        }
        return type;
    }

    /** {@code pattern}, or a 400 naming {@code field}. */
    public static String requirePattern(String field, String pattern) {
        if (!isPattern(pattern)) {
            throw new BadRequest(field, "must be an event type (task.failed), a prefix wildcard (task.*) or *");
        }
        return pattern;
    }

    /** Whether {@code pattern} selects {@code type}. */
    public static boolean matches(String pattern, String type) {
        if ("*".equals(pattern)) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }

    /** Whether any of {@code patterns} selects {@code type}. */
    public static boolean anyMatches(Collection<String> patterns, String type) {
        for (String pattern : patterns) {
            if (matches(pattern, type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The patterns that select {@code type}, most specific first: the type itself, each prefix's
     * wildcard from the longest ({@code task.run.failed} → {@code task.run.*}, {@code task.*}), then
     * {@code *}. A lookup by pattern (preferences, endpoints' subscriptions in SQL) takes the first it finds.
     */
    public static List<String> patternsSelecting(String type) {
        List<String> patterns = new ArrayList<>();
        patterns.add(type);
        for (int dot = type.lastIndexOf('.'); dot > 0; dot = type.lastIndexOf('.', dot - 1)) {
            patterns.add(type.substring(0, dot) + ".*");
        }
        patterns.add("*");
        return patterns;
    }
}
