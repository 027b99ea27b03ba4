package dev.flotilla.notification.publish;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** One recipient of an event, exactly one of: a user (by id), an e-mail address, a topic's subscribers. */
public record Recipient(@Size(min = 1, max = 200) String userId, @Email @Size(min = 3, max = 320) String email,
        @Size(min = 1, max = 200) String topic) {
}
