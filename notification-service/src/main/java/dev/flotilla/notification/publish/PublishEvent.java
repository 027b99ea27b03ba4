package dev.flotilla.notification.publish;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/events}: an event of {@code type} about {@code subject} for its
 * {@code recipients} (webhook endpoints subscribe by type, so an event may name none);
 * {@code critical} events reach their recipients whatever their preferences and quiet hours.
 */
public record PublishEvent(
        @NotNull @Size(min = 1, max = 128) String type,
        @Size(max = 500) String subject,
        @Size(max = PublishEvent.MAX_RECIPIENTS) List<@NotNull @Valid Recipient> recipients,
        Map<String, Object> data,
        Boolean critical) {

    public static final int MAX_RECIPIENTS = 1000;
}
