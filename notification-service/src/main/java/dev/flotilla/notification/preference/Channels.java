package dev.flotilla.notification.preference;

import dev.flotilla.common.error.BadRequest;

import java.util.List;

/** The channels a preference turns on or off: the in-app inbox, e-mail and webhooks. */
public final class Channels {

    public static final String INBOX = "inbox";
    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";

    public static final List<String> ALL = List.of(INBOX, EMAIL, WEBHOOK);

    private Channels() {
    }

    public static boolean isChannel(String channel) {
        return ALL.contains(channel);
    }

    /** {@code channel}, or a 400 naming {@code field}. */
    static String require(String field, String channel) {
        if (!isChannel(channel)) {
            throw new BadRequest(field, "must be one of " + String.join(", ", ALL));
        }
        return channel;
    }

    /** Quiet hours hold e-mail only: the inbox is still written, and webhooks are read by machines. */
    static boolean heldByQuietHours(String channel) {
        return EMAIL.equals(channel);
    }
}
