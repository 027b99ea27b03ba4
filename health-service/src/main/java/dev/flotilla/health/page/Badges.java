package dev.flotilla.health.page;

import java.util.Locale;

/**
 * SVG badges in the flat style of shields.io ({@code status | up}), to embed in a README or a wiki: a grey label and
 * a coloured message. Text widths are estimated from Verdana 11px's character widths, as shields.io measures them.
 */
final class Badges {

    static final String MEDIA_TYPE = "image/svg+xml";

    /** What a badge says about a component. */
    enum Kind {
        STATUS,
        UPTIME,
        RESPONSE_TIME;

        static Kind of(String text) {
            for (Kind kind : values()) {
                if (kind.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(text)) {
                    return kind;
                }
            }
            return null;
        }
    }

    private static final String GREEN = "#4c1";
    private static final String YELLOW = "#dfb317";
    private static final String ORANGE = "#fe7d37";
    private static final String RED = "#e05d44";
    private static final String GREY = "#9f9f9f";

    private Badges() {
    }

    static String of(Kind kind, PageContent.Component component) {
        return switch (kind) {
            case STATUS -> switch (component.state()) {
                case UP -> svg("status", "up", GREEN);
                case IMPACTED -> svg("status", "degraded", YELLOW);
                case DOWN -> svg("status", "down", RED);
                case MAINTENANCE -> svg("status", "maintenance", GREY);
                case UNKNOWN -> svg("status", "unknown", GREY);
            };
            case UPTIME -> uptime(component);
            case RESPONSE_TIME -> component.latencyMs() == null ? svg("response time", "unknown", GREY)
                    : svg("response time", component.latencyMs() + " ms",
                            component.latencyMs() < 300 ? GREEN : component.latencyMs() < 1000 ? YELLOW : RED);
        };
    }

    /** The uptime over the days the page shows. */
    private static String uptime(PageContent.Component component) {
        long checks = component.days().stream().mapToLong(PageContent.Day::checks).sum();
        long failures = component.days().stream().mapToLong(PageContent.Day::failures).sum();
        if (checks == 0) {
            return svg("uptime", "unknown", GREY);
        }
        double percent = 100.0 * (checks - failures) / checks;
        String color = percent >= 99.9 ? GREEN : percent >= 99 ? YELLOW : percent >= 95 ? ORANGE : RED;
        return svg("uptime", String.format(Locale.ROOT, "%.2f%%", Math.floor(percent * 100) / 100), color);
    }

    static String svg(String label, String message, String color) {
        int labelWidth = width(label) + 10;
        int messageWidth = width(message) + 10;
        int total = labelWidth + messageWidth;
        String text = escape(label) + ": " + escape(message);
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" role="img" aria-label="%2$s">\
                <title>%2$s</title>\
                <linearGradient id="s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>\
                <stop offset="1" stop-opacity=".1"/></linearGradient>\
                <clipPath id="r"><rect width="%1$d" height="20" rx="3" fill="#fff"/></clipPath>\
                <g clip-path="url(#r)"><rect width="%3$d" height="20" fill="#555"/>\
                <rect x="%3$d" width="%4$d" height="20" fill="%5$s"/><rect width="%1$d" height="20" fill="url(#s)"/></g>\
                <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">\
                <text x="%6$.1f" y="14">%7$s</text><text x="%8$.1f" y="14">%9$s</text></g></svg>"""
                .formatted(total, text, labelWidth, messageWidth, color, labelWidth / 2.0, escape(label),
                        labelWidth + messageWidth / 2.0, escape(message));
    }

    /** The width of {@code text} in Verdana 11px, estimated per character class. */
    static int width(String text) {
        double width = 0;
        for (char c : text.toCharArray()) {
            if ("il.,:;|!'".indexOf(c) >= 0) {
                width += 3.5;
            } else if ("fjrt() -".indexOf(c) >= 0) {
                width += 4.6;
            } else if ("mwMW%".indexOf(c) >= 0) {
                width += 10.5;
            } else if (Character.isUpperCase(c)) {
                width += 7.6;
            } else {
                width += 6.9;
            }
        }
        return (int) Math.ceil(width);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
