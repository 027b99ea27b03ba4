package dev.flotilla.notification.inbox;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification in a recipient's inbox. {@code seq} numbers the recipient's notifications in the
 * order they arrived (it is also the stream's event id); {@code data} is the event's data as
 * published, written out as stored.
 */
public record InboxItem(UUID id, long seq, UUID eventId, String type, String subject,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "the event's data") String data,
        Instant createdAt, Instant readAt, Instant archivedAt) {
}
