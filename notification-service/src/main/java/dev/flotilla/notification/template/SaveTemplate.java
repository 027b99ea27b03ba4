package dev.flotilla.notification.template;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/templates} and {@code PUT /api/v1/templates/{id}}: the event
 * type pattern and channel it is for, its BCP 47 locale (default {@code en}), and its Qute parts:
 * {@code title} (required) and {@code body} for the inbox; {@code subject} (required), {@code html}
 * and {@code text} (at least one) for e-mail and for {@code digest}, the e-mail listing a digest
 * window's events (its pattern is matched against the digest rule's; {@code events}, {@code count}
 * and {@code more} are its data).
 */
public record SaveTemplate(
        @NotNull @Size(max = 128) String eventType,
        @NotNull @Size(max = 20) String channel,
        @Size(max = Locales.MAX_LENGTH) String locale,
        @Size(max = SaveTemplate.MAX_LINE_SOURCE) String title,
        @Size(max = SaveTemplate.MAX_SOURCE) String body,
        @Size(max = SaveTemplate.MAX_LINE_SOURCE) String subject,
        @Size(max = SaveTemplate.MAX_SOURCE) String html,
        @Size(max = SaveTemplate.MAX_SOURCE) String text) {

    static final int MAX_LINE_SOURCE = 2_000;
    static final int MAX_SOURCE = 100_000;
}
