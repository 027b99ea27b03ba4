package dev.flotilla.notification.template;

import java.util.EnumMap;
import java.util.Map;

/**
 * What an event renders as when its tenant has no template for it: the type (and subject) as the
 * title or subject, and every field of its data, as text and as an HTML table.
 */
final class BuiltInTemplates {

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
