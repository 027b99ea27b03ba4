package dev.flotilla.health.condition;

/**
 * The pattern of {@code pat(...)}: {@code *} matches any run of characters (including none and including
 * {@code /}), every other character only itself. Matched part by part, without regular expressions, so no
 * pattern can make a check slow.
 */
record Glob(String pattern) {

    boolean matches(String text) {
        String[] parts = pattern.split("\\*", -1);
        if (parts.length == 1) {
            return text.equals(pattern);
        }
        if (!text.startsWith(parts[0])) {
            return false;
        }
        int position = parts[0].length();
        int last = parts.length - 1;
        for (int i = 1; i < last; i++) {
            int found = text.indexOf(parts[i], position);
            if (found < 0) {
                return false;
            }
            position = found + parts[i].length();
        }
        return text.length() - position >= parts[last].length() && text.endsWith(parts[last]);
    }
}
