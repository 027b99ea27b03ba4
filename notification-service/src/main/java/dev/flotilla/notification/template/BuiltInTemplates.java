package dev.flotilla.notification.template;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What an event renders as when its tenant has no template for it: the type (and subject) as the
 * title or subject, and every field of its data, as text and as an HTML table. A digest renders,
 * in each of {@link #DIGEST_LOCALES}, as the count of its events and a list of their summary lines.
 */
final class BuiltInTemplates {

    /** The words of the built-in digest in one language. */
    private record DigestWords(String title, String one, String many, String more) {
    }

    private static final Map<String, DigestWords> DIGEST_WORDS = Map.of(
            "en", new DigestWords("Digest", "1 notification", "{count} notifications", "… and {more} more"),
            "fr", new DigestWords("Résumé", "1 notification", "{count} notifications", "… et {more} de plus"),
            "de", new DigestWords("Zusammenfassung", "1 Benachrichtigung", "{count} Benachrichtigungen",
                    "… und {more} weitere"),
            "es", new DigestWords("Resumen", "1 notificación", "{count} notificaciones", "… y {more} más"));

    /** The languages the built-in digest speaks; another locale gets the first of its fallbacks that is one. */
    static final Set<String> DIGEST_LOCALES = DIGEST_WORDS.keySet();

    private static final String HEADLINE = "{type}{#if subject} — {subject}{/if}";

    private static final String FIELDS = """
            {#for field in fields}
            {field.name}: {field.value}
            {/for}""";

    private static final String TEXT = """
            {type}
            {#if subject}
            {subject}
            {/if}

            """ + FIELDS;

    private static final String HTML = """
            <!DOCTYPE html>
            <html>
            <body style="font-family: sans-serif">
            <h2>{type}</h2>
            {#if subject}
            <p>{subject}</p>
            {/if}
            {#if fields}
            <table>
            {#for field in fields}
            <tr><th align="left">{field.name}</th><td>{field.value}</td></tr>
            {/for}
            </table>
            {/if}
            </body>
            </html>""";

    private BuiltInTemplates() {
    }

    /** The built-in digest in {@code locale}, one of {@link #DIGEST_LOCALES}. */
    static Map<Part, String> digest(String locale) {
        DigestWords words = DIGEST_WORDS.get(locale);
        String count = "{#if count == 1}" + words.one() + "{#else}" + words.many() + "{/if}";
        Map<Part, String> parts = new EnumMap<>(Part.class);
        parts.put(Part.SUBJECT, words.title() + ": " + count);
        parts.put(Part.TEXT, count + """


                {#for event in events}
                - {event.summary}
                {/for}
                {#if more}
                """ + words.more() + """

                {/if}""");
        parts.put(Part.HTML, """
                <!DOCTYPE html>
                <html lang="%s">
                <body style="font-family: sans-serif">
                <h2>%s</h2>
                <ul>
                {#for event in events}
                <li>{event.summary}</li>
                {/for}
                </ul>
                {#if more}
                <p>%s</p>
                {/if}
                </body>
                </html>""".formatted(locale, count, words.more()));
        return parts;
    }

    static Map<Part, String> of(String channel) {
        Map<Part, String> parts = new EnumMap<>(Part.class);
        if (Part.INBOX.equals(channel)) {
            parts.put(Part.TITLE, HEADLINE);
            parts.put(Part.BODY, FIELDS);
        } else {
            parts.put(Part.SUBJECT, HEADLINE);
            parts.put(Part.HTML, HTML);
            parts.put(Part.TEXT, TEXT);
        }
        return parts;
    }
}
