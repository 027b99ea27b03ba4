package dev.flotilla.notification.template;

import io.quarkus.qute.Variant;

import java.util.List;

/**
 * The parts a template renders, per channel: an inbox notification's {@code title} and
 * {@code body}; an e-mail's, and a digest e-mail's, {@code subject}, {@code html} and {@code text}. Only {@code html} is
 * HTML, and Qute escapes every value it inserts there; the others are plain text, and
 * {@code title} and {@code subject} a single line.
 */
enum Part {
    TITLE("title", false, true),
    BODY("body", false, false),
    SUBJECT("subject", false, true),
    HTML("html", true, false),
    TEXT("text", false, false);

    static final String INBOX = "inbox";
    static final String EMAIL = "email";
    /** The e-mail listing a digest window's events, per digest rule pattern. */
    static final String DIGEST = "digest";
    static final List<String> CHANNELS = List.of(INBOX, EMAIL, DIGEST);

    private final String field;
    private final boolean html;
    private final boolean singleLine;

    Part(String field, boolean html, boolean singleLine) {
        this.field = field;
        this.html = html;
        this.singleLine = singleLine;
    }

    /** The part's name in the API, and the id of its Qute template (error messages name it). */
    String field() {
        return field;
    }

    boolean singleLine() {
        return singleLine;
    }

    Variant variant() {
        return Variant.forContentType(html ? Variant.TEXT_HTML : Variant.TEXT_PLAIN);
    }

    static List<Part> of(String channel) {
        return switch (channel) {
            case INBOX -> List.of(TITLE, BODY);
            case EMAIL, DIGEST -> List.of(SUBJECT, HTML, TEXT);
            default -> throw new IllegalArgumentException("no templates for channel " + channel);
        };
    }
}
