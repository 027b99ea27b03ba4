package dev.flotilla.notification.template;

import dev.flotilla.common.error.BadRequest;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/**
 * BCP 47 language tags ({@code en}, {@code fr-FR}, {@code zh-Hant-TW}) and the order in which
 * templates are looked for: the tag, then the tag with its last subtag removed, and so on
 * (RFC 4647 lookup: {@code zh-Hant-TW} → {@code zh-Hant} → {@code zh}), then {@link #DEFAULT}.
 */
public final class Locales {

    /** The locale of the last resort, before the built-in templates. */
    public static final String DEFAULT = "en";

    public static final int MAX_LENGTH = 35;

    private Locales() {
    }

    /** {@code tag} in its canonical form ({@code fr-fr} → {@code fr-FR}), or a 400 naming {@code field}. */
    public static String require(String field, String tag) {
        String canonical = canonical(tag);
        if (canonical == null) {
            throw new BadRequest(field, "must be a BCP 47 language tag such as en or fr-FR");
        }
        return canonical;
    }

    /** The tags to look for, most specific first, ending with {@link #DEFAULT}; a tag that is not one counts as absent. */
    public static List<String> chain(String tag) {
        List<String> chain = new ArrayList<>();
        String canonical = canonical(tag);
        if (canonical != null) {
            for (String current = canonical; !current.isEmpty(); current = shorter(current)) {
                chain.add(current);
            }
        }
        if (!chain.contains(DEFAULT)) {
            chain.add(DEFAULT);
        }
        return chain;
    }

    private static String canonical(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_LENGTH) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            String canonical = locale.toLanguageTag();
            return locale.getLanguage().isEmpty() ? null : canonical;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    /**
     * The tag without its last subtag, and without a singleton (an extension's or private use's {@code u}, {@code x}) left
     * dangling.
     */
    private static String shorter(String tag) {
        int dash = tag.lastIndexOf('-');
        if (dash < 0) {
            return "";
        }
        String rest = tag.substring(0, dash);
        int previous = rest.lastIndexOf('-');
        return rest.length() - previous - 1 == 1 ? rest.substring(0, Math.max(previous, 0)) : rest;
    }
}
