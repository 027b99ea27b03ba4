package dev.flotilla.notification.topic;

import java.time.Instant;

/** A subscriber of a topic: a user's or a service client's subject. */
public record Subscription(String topic, String subscriber, Instant createdAt) {
}
