package dev.flotilla.common.notification;

/**
 * notification-service could not take the event now (a 5xx, 408 or 429): worth another attempt.
 * The client retries it a few times; a caller that still sees it keeps the event to publish later.
 */
public final class NotificationUnavailable extends RuntimeException {

    private final int status;

    NotificationUnavailable(int status) {
        super("notification-service is unavailable (HTTP " + status + ")", null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
