package dev.flotilla.config.settings;

import dev.flotilla.common.error.BadRequest;

import java.util.List;
import java.util.regex.Pattern;

/** The built-in settings categories, and the rules for category names and setting keys. */
final class SettingNames {

    /** Every tenant has these, in name order; they hold no schema and cannot be deleted. */
    static final List<String> BUILT_IN = List.of("editor", "llm", "terminal", "theme", "workspace");

    /** What a tenant's category may be called: it appears in paths, so no dots or capitals. */
    static final String CATEGORY_NAME = "[a-z][a-z0-9-]{0,39}";

    static final String CATEGORY_NAME_RULE = "must be 1-40 characters of lower-case letters, digits and -, starting with a letter";

    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9._-]{0,99}");

    private SettingNames() {
    }

    static boolean isBuiltIn(String category) {
        return BUILT_IN.contains(category);
    }

    /** Fails with a 400 naming {@code field} unless {@code key} is a setting key. */
    static void requireKey(String field, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new BadRequest(field,
                    "a setting key is 1-100 characters of letters, digits and . _ -, starting with a lower-case letter");
        }
    }

    static String description(String builtIn) {
        return switch (builtIn) {
            case "editor" -> "The code and text editor: fonts, indentation, formatting";
            case "llm" -> "Language models: provider, model, temperature, system prompt";
            case "terminal" -> "The terminal: shell, font, scrollback";
            case "theme" -> "Colours and appearance";
            default -> "The workspace: layout, open panels, recent items";
        };
    }
}
