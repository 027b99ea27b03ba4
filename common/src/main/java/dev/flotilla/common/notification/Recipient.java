package dev.flotilla.common.notification;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who an event is for: a user of the tenant ({@code userId}: the subject of their tokens), an
 * e-mail address, or a topic whose subscribers receive it ({@code workflow.<id>}). Exactly one is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recipient(String userId, String email, String topic) {

    public Recipient {
        int given = (userId == null ? 0 : 1) + (email == null ? 0 : 1) + (topic == null ? 0 : 1);
        String value = userId != null ? userId : email != null ? email : topic;
        if (given != 1 || value.isBlank()) {
            throw new IllegalArgumentException("A recipient is exactly one of userId, email or topic, not blank");
        }
    }

    public static Recipient user(String userId) {
        return new Recipient(userId, null, null);
    }

    public static Recipient email(String address) {
        return new Recipient(null, address, null);
    }

    public static Recipient topic(String key) {
        return new Recipient(null, null, key);
    }
}
