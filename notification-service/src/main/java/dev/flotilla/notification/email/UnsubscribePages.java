package dev.flotilla.notification.email;

/** The two small pages of an unsubscribe link; the event type is the only text from outside, and it is a checked type. */
final class UnsubscribePages {

    private UnsubscribePages() {
    }

    static String confirm(String eventType) {
        return page("Unsubscribe", "<p>Stop e-mails about <code>" + eventType + "</code>?</p>"
                + "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>");
    }

    static String done(String eventType) {
        return page("Unsubscribed", "<p>You will no longer get e-mails about <code>" + eventType + "</code>. "
                + "Your notification preferences can turn them on again.</p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
    }
}
