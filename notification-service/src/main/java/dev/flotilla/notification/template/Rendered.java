package dev.flotilla.notification.template;

import java.util.Map;
import java.util.UUID;

/**
 * A notification rendered for a channel: for the inbox {@code title} and {@code body}, for e-mail
 * {@code subject}, {@code html} and {@code text} (each null when the template has no such part).
 * {@code templateId} names the tenant's template used, null for the built-in one; {@code locale}
 * is the template's.
 */
public record Rendered(UUID templateId, String locale, String title, String body, String subject, String html,
        String text) {

    static Rendered of(UUID templateId, String locale, Map<Part, String> parts) {
        return new Rendered(templateId, locale, parts.get(Part.TITLE), parts.get(Part.BODY), parts.get(Part.SUBJECT),
                parts.get(Part.HTML), parts.get(Part.TEXT));
    }
}
