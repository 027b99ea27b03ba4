package dev.flotilla.notification.inbox;

/** How many of the caller's notifications are neither read nor archived. */
public record UnreadCount(int unread) {
}
