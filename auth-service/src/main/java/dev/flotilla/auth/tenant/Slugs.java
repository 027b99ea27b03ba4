package dev.flotilla.auth.tenant;

import java.text.Normalizer;
import java.util.Locale;

/** Turns a tenant name into the slug users type at login: lower-case ASCII letters, digits and dashes. */
final class Slugs {

    static final int MAX_LENGTH = 40;

    private Slugs() {
    }

    static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "tenant" : slug;
    }
}
