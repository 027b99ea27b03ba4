package dev.flotilla.notification.publish;

import dev.flotilla.notification.delivery.DeliveryView;
import dev.flotilla.notification.event.Event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An event with every delivery it fanned out to and their attempts. */
public record EventView(UUID id, String type, String subject, Map<String, Object> data, boolean critical,
        List<Object> recipients, String publishedBy, Instant createdAt, List<DeliveryView> deliveries) {

    static EventView of(Event event, List<DeliveryView> deliveries) {
        return new EventView(event.id(), event.type(), event.subject(), event.data().getMap(), event.critical(),
                event.recipients().getList(), event.publishedBy(), event.createdAt(), deliveries);
    }
}
