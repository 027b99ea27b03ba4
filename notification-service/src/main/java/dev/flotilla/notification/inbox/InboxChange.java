package dev.flotilla.notification.inbox;

/** What a recipient does to one of its notifications. */
public enum InboxChange {
    READ,
    UNREAD,
    ARCHIVE,
    UNARCHIVE,
    DELETE
}
