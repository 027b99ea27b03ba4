package dev.flotilla.notification.topic;

import dev.flotilla.common.error.BadRequest;

import java.util.regex.Pattern;

/**
 * Topic keys: dot-separated words of letters, digits, {@code _} and {@code -}, such as
 * {@code workflow.0190c6a2-7d1e-7c3a-9f00-5d1b2e3f4a5b}; case-sensitive.
 */
public final class TopicKeys {

    public static final int MAX_LENGTH = 200;

    private static final String WORD = "[A-Za-z0-9][A-Za-z0-9_-]*";
    private static final Pattern KEY = Pattern.compile(WORD + "(\\." + WORD + ")*");

    private TopicKeys() {
    }

    public static boolean isKey(String key) {
        return key != null && key.length() <= MAX_LENGTH && KEY.matcher(key).matches();
    }

    /** {@code key}, or a 400 naming {@code field}. */
    public static String require(String field, String key) {
        if (!isKey(key)) {
            throw new BadRequest(field, "must be dot-separated words of letters, digits, '_' and '-' (at most "
                    + MAX_LENGTH + " characters)");
        }
        return key;
    }
}
