package dev.flotilla.notification.delivery;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.notification.webhook.WebhookTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statements over {@code deliveries} and {@code delivery_attempts}: writing deliveries with their event, the
 * worker's claim and records (which span tenants, by primary key), and the reads of a tenant's delivery log.
 */
final class DeliverySql {

    /** Wakes the workers of every replica, announced once a transaction that wrote due deliveries has committed. */
    static final String WAKE_CHANNEL = "notification_deliveries";

    /**
     * The enabled endpoints of the tenant that subscribe to one of the patterns selecting the event's type. The key-share
     * lock keeps an endpoint from being deleted before its delivery is written.
     */
    private static final String SUBSCRIBED = """
            select id from notification.webhook_endpoints
             where tenant_id = $1 and enabled and event_types && $2::text[]
               for key share""";

    private static final String INSERT_PENDING = """
            insert into notification.deliveries (id, tenant_id, event_id, channel, endpoint_id, status, attempts,
                                                 next_attempt_at, created_at, updated_at)
            select d.id, $1::uuid, $2::uuid, 'webhook', d.endpoint_id, 'PENDING', 0, $5::timestamptz, $5::timestamptz,
                   $5::timestamptz
              from unnest($3::uuid[], $4::uuid[]) as d(id, endpoint_id)""";

    /** Pending deliveries of the event to recipients of a channel (e-mail: a user id, or {@code mailto:} an address). */
    private static final String INSERT_PENDING_TO = """
            insert into notification.deliveries (id, tenant_id, event_id, channel, recipient, status, attempts,
                                                 next_attempt_at, created_at, updated_at)
            select d.id, $1::uuid, $2::uuid, $3::text, d.recipient, 'PENDING', 0, $6::timestamptz, $6::timestamptz,
                   $6::timestamptz
              from unnest($4::uuid[], $5::text[]) as d(id, recipient)""";

    private static final String INSERT_DELIVERED = """
            insert into notification.deliveries (id, tenant_id, event_id, channel, recipient, status, attempts, created_at,
                                                 updated_at, completed_at)
            select d.id, $1::uuid, $2::uuid, $3::text, d.recipient, 'SUCCEEDED', 1, $6::timestamptz, $6::timestamptz,
                   $6::timestamptz
              from unnest($4::uuid[], $5::text[]) as d(id, recipient)""";

    /**
     * Takes up to $2 deliveries due at $1 of the channels $3, the longest due first, that no other worker holds: each
     * gets its next attempt number, an attempt row started at $1, and a lease until $4 (its next_attempt_at, so that
     * it is due again if its worker never records the outcome). Attempts of earlier workers that recorded nothing
     * are marked as such.
     */
    private static final String CLAIM = """
            with due as (
                select id from notification.deliveries
                 where status = 'PENDING' and next_attempt_at <= $1 and channel = any($3::text[]) and digest_id is null
                 order by next_attempt_at
                 limit $2
                   for update skip locked
            ), claimed as (
                update notification.deliveries d
                   set attempts = d.attempts + 1, next_attempt_at = $4, updated_at = $1
                  from due
                 where d.id = due.id
                returning d.id, d.tenant_id, d.event_id, d.channel, d.endpoint_id, d.recipient, d.attempts, d.held_attempts
            ), abandoned as (
                update notification.delivery_attempts a
                   set error = 'no outcome was recorded: its worker stopped before the lease ran out'
                  from claimed c
                 where a.delivery_id = c.id and a.attempt < c.attempts and a.duration_ms is null and a.error is null
            ), started as (
                insert into notification.delivery_attempts (delivery_id, attempt, tenant_id, started_at)
                select id, attempts, tenant_id, $1::timestamptz from claimed)
            select c.id, c.tenant_id, c.event_id, c.channel, c.endpoint_id, c.recipient, c.attempts, c.held_attempts,
                   e.type, e.subject as event_subject, e.critical, e.data::text as data, e.created_at as event_created_at,
                   w.url, w.enabled, w.secret, w.previous_secret, w.previous_secret_expires_at
              from claimed c
              join notification.events e on e.id = c.event_id
              left join notification.webhook_endpoints w on w.id = c.endpoint_id""";

    /**
     * Records attempt $3 of delivery $1 and, if the delivery is still the recorder's (no other worker has claimed it
     * since), its new status $8 (PENDING again until $9, or ended), a hold ($13) counted apart. A judged attempt ($12)
     * moves the endpoint's run of failures: a success ($11 false) ends it, a failure starts it at $10 unless one is
     * running; the endpoint row is written only when that changes it. Answers the run's start as it was before (and
     * whether the endpoint is enabled) when the delivery was updated and has an endpoint.
     */
    private static final String RECORD = """
            with attempt as (
                update notification.delivery_attempts
                   set duration_ms = $4::int, response_status = $5::int, response_excerpt = $6::text, error = $7::text
                 where delivery_id = $1 and tenant_id = $2 and attempt = $3::int
            ), delivery as (
                update notification.deliveries
                   set status = $8::text, next_attempt_at = $9::timestamptz, last_error = $7::text,
                       updated_at = $10::timestamptz,
                       held_attempts = held_attempts + case when $13::boolean then 1 else 0 end,
                       completed_at = case when $8::text = 'PENDING' then null else $10::timestamptz end
                 where id = $1 and tenant_id = $2 and attempts = $3::int and status = 'PENDING'
                returning endpoint_id
            ), run as (
                update notification.webhook_endpoints w
                   set failing_since = case when $11::boolean then $10::timestamptz end
                  from delivery
                 where w.id = delivery.endpoint_id and w.tenant_id = $2 and $12::boolean
                   and (w.failing_since is null) = $11::boolean)
            select w.failing_since, w.enabled
              from delivery join notification.webhook_endpoints w on w.id = delivery.endpoint_id and w.tenant_id = $2""";

    /** A delivery row with its event's type and its last attempt. */
    private static final String DELIVERY = """
            select d.id, d.event_id, e.type as event_type, d.channel, d.endpoint_id, d.recipient, d.status, d.attempts,
                   d.next_attempt_at, d.last_error, d.created_at, d.completed_at,
                   a.started_at as last_attempt_at, a.response_status as last_response_status,
                   a.response_excerpt as last_response_excerpt
              from notification.deliveries d
              join notification.events e on e.id = d.event_id
              left join lateral (select started_at, response_status, response_excerpt
                                   from notification.delivery_attempts
                                  where delivery_id = d.id
                                  order by attempt desc
                                  limit 1) a on true
            """;

    private static final String ATTEMPTS = """
            select delivery_id, attempt, started_at, duration_ms, response_status, response_excerpt, error
              from notification.delivery_attempts
             where tenant_id = $1 and delivery_id = any($2::uuid[])
             order by delivery_id, attempt""";

    private DeliverySql() {
    }

    /** The ids of the tenant's enabled endpoints subscribed to any of {@code patterns}. */
    static Uni<List<UUID>> subscribedEndpoints(SqlClient client, UUID tenant, List<String> patterns) {
        return client.preparedQuery(SUBSCRIBED).execute(Tuple.of(tenant, patterns.toArray(String[]::new))).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getUUID("id")));
            return ids;
        });
    }

    /** Pending webhook deliveries of the event, one per endpoint, due at {@code now}. */
    static Uni<Integer> insertPending(SqlClient client, UUID tenant, UUID event, List<UUID> ids, List<UUID> endpoints,
            Instant now) {
        return client.preparedQuery(INSERT_PENDING)
                .execute(Tuple.of(tenant, event, ids.toArray(UUID[]::new), endpoints.toArray(UUID[]::new), Db.ts(now)))
                .map(RowSet::rowCount);
    }

    static Uni<Integer> insertPendingTo(SqlClient client, UUID tenant, UUID event, String channel, List<UUID> ids,
            List<String> recipients, Instant now) {
        return client.preparedQuery(INSERT_PENDING_TO)
                .execute(Tuple.of(tenant, event, channel, ids.toArray(UUID[]::new), recipients.toArray(String[]::new),
                        Db.ts(now)))
                .map(RowSet::rowCount);
    }

    /** Deliveries of the event made inside its transaction, one per recipient, recorded as SUCCEEDED at {@code now}. */
    static Uni<Void> insertDelivered(SqlClient client, UUID tenant, UUID event, String channel, List<UUID> ids,
            List<String> recipients, Instant now) {
        return client.preparedQuery(INSERT_DELIVERED)
                .execute(Tuple.from(Arrays.asList(tenant, event, channel, ids.toArray(UUID[]::new),
                        recipients.toArray(String[]::new), Db.ts(now))))
                .replaceWithVoid();
    }

    /** Claims up to {@code limit} due deliveries of {@code channels} (see {@link #CLAIM}). */
    static Uni<List<ClaimedDelivery>> claim(SqlClient client, Instant now, int limit, List<String> channels, Instant leaseEnd) {
        return client.preparedQuery(CLAIM)
                .execute(Tuple.of(Db.ts(now), limit, channels.toArray(String[]::new), Db.ts(leaseEnd)))
                .map(rows -> {
                    List<ClaimedDelivery> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(claimed(row)));
                    return claimed;
                });
    }

    /** What {@link #record} found of the endpoint: its run of failures as it was, and whether it is enabled. */
    record EndpointState(Instant failingSince, boolean enabled) {
    }

    /**
     * Records an attempt (see {@link #RECORD}); answers the endpoint's state, or null when the delivery was not updated
     * or has no endpoint.
     */
    static Uni<EndpointState> record(SqlClient client, ClaimedDelivery delivery, AttemptResult result, int durationMs,
            String status, Instant nextAttemptAt, Instant now) {
        // Only a webhook endpoint's answers move its run of failures (held and refused e-mails have no endpoint).
        boolean judged = result.outcome() != AttemptResult.Outcome.SKIPPED && result.outcome() != AttemptResult.Outcome.HELD;
        boolean failed = result.outcome() == AttemptResult.Outcome.FAILED || result.outcome() == AttemptResult.Outcome.GONE;
        boolean held = result.outcome() == AttemptResult.Outcome.HELD;
        return client.preparedQuery(RECORD)
                .execute(Tuple.from(Arrays.asList(delivery.id(), delivery.tenant(), delivery.attempt(), durationMs,
                        result.responseStatus(), result.responseExcerpt(), result.error(), status, Db.ts(nextAttemptAt),
                        Db.ts(now), failed, judged, held)))
                .map(rows -> rows.size() == 0 ? null
                        : new EndpointState(Db.instant(rows.iterator().next(), "failing_since"),
                                rows.iterator().next().getBoolean("enabled")));
    }

    /** The tenant's deliveries of an event, in the order they were written. */
    static Uni<List<DeliveryView>> ofEvent(SqlClient client, UUID tenant, UUID event) {
        return client.preparedQuery(DELIVERY + " where d.tenant_id = $1 and d.event_id = $2 order by d.id")
                .execute(Tuple.of(tenant, event)).map(DeliverySql::deliveries);
    }

    /**
     * Up to {@code limit} deliveries to the tenant's endpoint, newest first, after {@code after}, of {@code status} if given.
     */
    static Uni<List<DeliveryView>> ofEndpoint(SqlClient client, UUID tenant, UUID endpoint, String status, Cursor after,
            int limit) {
        List<Object> params = new ArrayList<>(List.of(tenant, endpoint, limit));
        StringBuilder sql = new StringBuilder(DELIVERY).append(" where d.tenant_id = $1 and d.endpoint_id = $2");
        if (status != null) {
            params.add(status);
            sql.append(" and d.status = $").append(params.size());
        }
        if (after != null) {
            params.add(after.id());
            sql.append(" and d.id < $").append(params.size());
        }
        sql.append(" order by d.id desc limit $3");
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(DeliverySql::deliveries);
    }

    /** The delivery to the tenant's endpoint, or null. */
    static Uni<DeliveryView> find(SqlClient client, UUID tenant, UUID endpoint, UUID id) {
        return client.preparedQuery(DELIVERY + " where d.tenant_id = $1 and d.endpoint_id = $2 and d.id = $3")
                .execute(Tuple.of(tenant, endpoint, id))
                .map(rows -> {
                    List<DeliveryView> found = deliveries(rows);
                    return found.isEmpty() ? null : found.get(0);
                });
    }

    /** The attempts of the tenant's deliveries, by delivery, in attempt order. */
    static Uni<Map<UUID, List<AttemptView>>> attempts(SqlClient client, UUID tenant, List<UUID> deliveries) {
        return client.preparedQuery(ATTEMPTS).execute(Tuple.of(tenant, deliveries.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, List<AttemptView>> attempts = new LinkedHashMap<>();
            for (Row row : rows) {
                attempts.computeIfAbsent(row.getUUID("delivery_id"), id -> new ArrayList<>())
                        .add(new AttemptView(row.getInteger("attempt"), Db.instant(row, "started_at"),
                                row.getInteger("duration_ms"), row.getInteger("response_status"),
                                row.getString("response_excerpt"), row.getString("error")));
            }
            return attempts;
        });
    }

    private static List<DeliveryView> deliveries(RowSet<Row> rows) {
        List<DeliveryView> views = new ArrayList<>();
        for (Row row : rows) {
            views.add(new DeliveryView(row.getUUID("id"), row.getUUID("event_id"), row.getString("event_type"),
                    row.getString("channel"), row.getUUID("endpoint_id"), row.getString("recipient"), row.getString("status"),
                    row.getInteger("attempts"), Db.instant(row, "next_attempt_at"), row.getString("last_error"),
                    Db.instant(row, "last_attempt_at"), row.getInteger("last_response_status"),
                    row.getString("last_response_excerpt"), Db.instant(row, "created_at"), Db.instant(row, "completed_at"),
                    null));
        }
        return views;
    }

    private static ClaimedDelivery claimed(Row row) {
        UUID endpoint = row.getUUID("endpoint_id");
        String url = row.getString("url");
        WebhookTarget webhook = endpoint == null || url == null ? null
                : new WebhookTarget(endpoint, url, row.getBoolean("enabled"), row.getString("secret"),
                        row.getString("previous_secret"), Db.instant(row, "previous_secret_expires_at"));
        return new ClaimedDelivery(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("channel"),
                row.getInteger("attempts"), row.getInteger("held_attempts"), row.getUUID("event_id"), row.getString("type"),
                row.getString("event_subject"), row.getBoolean("critical"), row.getString("data"),
                Db.instant(row, "event_created_at"), row.getString("recipient"), webhook);
    }
}
