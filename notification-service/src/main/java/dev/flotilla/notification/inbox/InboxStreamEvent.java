package dev.flotilla.notification.inbox;

/**
 * One message of an inbox stream: a named event with an id and JSON data, or a comment. Events
 * carry the recipient's seq as their id, so a client that reconnects with the last id it saw
 * resumes after it.
 */
public record InboxStreamEvent(String name, String id, Object data, String comment) {

    /** A new notification, with its seq as id. */
    public static final String NOTIFICATION = "notification";

    /** The unread count changed; the id is the position the stream has reached. */
    public static final String UNREAD_COUNT = "unread-count";

    static InboxStreamEvent notification(InboxItem item) {
        return new InboxStreamEvent(NOTIFICATION, Long.toString(item.seq()), item, null);
    }

    static InboxStreamEvent unreadCount(long position, int unread) {
        return new InboxStreamEvent(UNREAD_COUNT, Long.toString(position), new UnreadCount(unread), null);
    }

    static InboxStreamEvent keepAlive() {
        return new InboxStreamEvent(null, null, null, "keep-alive");
    }

    public boolean isComment() {
        return comment != null;
    }
}
