package dev.flotilla.notification.inbox;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.notification.event.EventTypes;

/**
 * The filters of the inbox list: {@code unread} (null: read or not), {@code archived} (the
 * archived notifications, or, by default, the others) and {@code type} (an event type or a pattern
 * such as {@code task.*}; null: any).
 */
record InboxFilter(Boolean unread, boolean archived, String type) {

    /** The filters as the query gives them; a value that is not {@code true}, {@code false} or a type pattern is a 400. */
    static InboxFilter of(String unread, String archived, String type) {
        Boolean isArchived = flag("archived", archived);
        return new InboxFilter(flag("unread", unread), isArchived != null && isArchived, typePattern(type));
    }

    /** A type or pattern, checked; null when not given. */
    static String typePattern(String type) {
        if (type == null) {
            return null;
        }
        if (!EventTypes.isPattern(type)) {
            throw new BadRequest("type", "must be an event type such as task.failed, or a pattern such as task.* or *");
        }
        return type;
    }

    private static Boolean flag(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new BadRequest(name, "must be true or false");
        };
    }
}
