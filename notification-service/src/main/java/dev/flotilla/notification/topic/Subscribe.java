package dev.flotilla.notification.topic;

import jakarta.validation.constraints.Size;

/** Who subscribes: the caller when {@code subscriber} is absent; someone else only for admins and services. */
public record Subscribe(@Size(min = 1, max = 200) String subscriber) {
}
