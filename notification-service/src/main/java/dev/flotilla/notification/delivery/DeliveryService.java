package dev.flotilla.notification.delivery;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.notification.event.Event;
import dev.flotilla.notification.event.EventSql;
import dev.flotilla.notification.webhook.EndpointService;
import dev.flotilla.notification.webhook.EndpointView;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The delivery log of a tenant's webhook endpoint (what was sent, every attempt and answer), replays of a delivery,
 * and test events sent to one endpoint.
 */
@ApplicationScoped
public class DeliveryService {

    /** The type of the events {@code POST /api/v1/webhook-endpoints/{id}/test} sends. */
    public static final String TEST_EVENT_TYPE = "webhook.test";

    private static final Set<String> STATUSES = Set.of("PENDING", "SUCCEEDED", "FAILED", "SKIPPED");

    private final Db db;
    private final EndpointService endpoints;
    private final Deliveries deliveries;
    private final Clock clock;

    public DeliveryService(Db db, EndpointService endpoints, Deliveries deliveries, Clock clock) {
        this.db = db;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The endpoint's deliveries, newest first, of {@code status} if given. */
    public Uni<Page<DeliveryView>> ofEndpoint(UUID tenant, UUID endpoint, String status, PageParams page) {
        String wanted = status(status);
        Cursor after = page.after();
        return endpoints.get(tenant, endpoint)
                .chain(ignored -> DeliverySql.ofEndpoint(db.pool(), tenant, endpoint, wanted, after, page.limit() + 1))
                .map(rows -> Page.fromOverfetch(rows, page.limit(), delivery -> Cursor.of(delivery.id())));
    }

    /** One delivery to the endpoint, with its attempts. */
    public Uni<DeliveryView> get(UUID tenant, UUID endpoint, UUID id) {
        return existing(tenant, endpoint, id)
                .chain(delivery -> deliveries.withAttemptLogs(tenant, List.of(delivery)))
                .map(views -> views.get(0));
    }

    /**
     * A new delivery of the same event to the same endpoint, due now. Receivers see the same {@code webhook-id}, so one
     * that processed the event already recognises it.
     */
    public Uni<DeliveryView> replay(UUID tenant, UUID endpoint, UUID id) {
        return existing(tenant, endpoint, id)
                .chain(delivery -> enabled(tenant, endpoint).replaceWith(delivery))
                .chain(delivery -> {
                    UUID replay = Ids.next();
                    return accepted(tenant, endpoint, replay, tx -> DeliverySql.insertPending(tx, tenant, delivery.eventId(),
                            List.of(replay), List.of(endpoint), now()));
                });
    }

    /** Writes a {@code webhook.test} event and its delivery to this endpoint alone, due now. */
    public Uni<DeliveryView> test(UUID tenant, UUID endpoint, String by) {
        return enabled(tenant, endpoint).chain(ignored -> {
            Instant now = now();
            Event event = new Event(Ids.next(), tenant, TEST_EVENT_TYPE, null,
                    new JsonObject().put("endpointId", endpoint.toString())
                            .put("message", "A test event, sent at the request of " + by),
                    false, new JsonArray(), by, now);
            UUID delivery = Ids.next();
            return accepted(tenant, endpoint, delivery, tx -> EventSql.insert(tx, event, null, null)
                    .chain(() -> DeliverySql.insertPending(tx, tenant, event.id(), List.of(delivery), List.of(endpoint), now)));
        });
    }

    /**
     * Writes a new delivery with {@code write} and answers it as written, read in the same transaction: a worker may
     * send it the moment it commits, and the answer is what was accepted.
     */
    private Uni<DeliveryView> accepted(UUID tenant, UUID endpoint, UUID id, Function<SqlConnection, Uni<?>> write) {
        return db.tx(tx -> write.apply(tx).invoke(() -> deliveries.wakeWorkersOnCommit(tx))
                .chain(() -> DeliverySql.find(tx, tenant, endpoint, id)))
                .chain(delivery -> deliveries.withAttemptLogs(tenant, List.of(delivery)))
                .map(views -> views.get(0));
    }

    private Uni<DeliveryView> existing(UUID tenant, UUID endpoint, UUID id) {
        return DeliverySql.find(db.pool(), tenant, endpoint, id).onItem().ifNull().failWith(() -> new NotFound("delivery", id));
    }

    private Uni<EndpointView> enabled(UUID tenant, UUID endpoint) {
        return endpoints.get(tenant, endpoint).invoke(view -> {
            if (!view.enabled()) {
                throw new Conflict("Webhook endpoint " + endpoint + " is disabled; enable it before sending to it");
            }
        });
    }

    private static String status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String wanted = status.strip().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(wanted)) {
            throw new BadRequest("status", "must be one of PENDING, SUCCEEDED, FAILED, SKIPPED");
        }
        return wanted;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
