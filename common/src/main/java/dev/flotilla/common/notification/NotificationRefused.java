package dev.flotilla.common.notification;

import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.core.Response;

import java.util.Set;

/**
 * notification-service answered a publish with a 4xx other than 401, 408 and 429: it will not
 * take this request, now or on a retry, so it is not retried. {@link #aboutTheEvent()} tells an
 * event it can never accept (malformed, too large, a reused idempotency key) from a refusal of
 * the caller (forbidden, a wrong address), which configuration can mend.
 */
public final class NotificationRefused extends RuntimeException {

    /** Longest problem detail kept. */
    private static final int MAX_DETAIL = 500;
    private static final Set<Integer> ABOUT_THE_EVENT = Set.of(400, 409, 413, 415, 422);

    private final int status;
    private final String detail;

    NotificationRefused(int status, String detail) {
        super("notification-service refused the event (HTTP " + status + (detail == null ? "" : ": " + detail) + ")", null,
                false, false);
        this.status = status;
        this.detail = detail;
    }

    /** The refusal a response states, with its problem's detail when it has one. */
    static NotificationRefused of(Response response) {
        String detail = null;
        try {
            detail = new JsonObject(response.readEntity(String.class)).getString("detail");
        } catch (RuntimeException unreadable) {
            // The status alone says enough.
        }
        return new NotificationRefused(response.getStatus(),
                detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…");
    }

    public int status() {
        return status;
    }

    /** The problem's {@code detail}, when the answer had one. */
    public String detail() {
        return detail;
    }

    /** Whether the event itself is refused (400, 409, 413, 415, 422): sending it again is refused again. */
    public boolean aboutTheEvent() {
        return ABOUT_THE_EVENT.contains(status);
    }
}
