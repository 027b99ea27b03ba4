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
import java.time.OffsetDateTime;
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
     * Records a batch of attempts, one per row of the arrays: attempt $3 of delivery $1 of tenant $2 and, if the delivery
     * is still the recorder's (no other worker has claimed it since), its new status $8 (PENDING again until $9, or
     * ended) as of $11, a hold ($10) counted apart. Answers, for each delivery updated that has an endpoint, the
     * endpoint's run of failures as it was before this batch, and whether it is enabled.
     */
    private static final String RECORD = """
            with outcome as (
                select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[],
                                     $8::text[], $9::timestamptz[], $10::boolean[], $11::timestamptz[])
                       as o (delivery_id, tenant_id, attempt, duration_ms, response_status, response_excerpt, error,
                             status, next_attempt_at, held, recorded_at)
            ), attempt as (
                update notification.delivery_attempts a
                   set duration_ms = o.duration_ms, response_status = o.response_status,
                       response_excerpt = o.response_excerpt, error = o.error
                  from outcome o
                 where a.delivery_id = o.delivery_id and a.tenant_id = o.tenant_id and a.attempt = o.attempt
            ), delivery as (
                update notification.deliveries d
                   set status = o.status, next_attempt_at = o.next_attempt_at, last_error = o.error,
                       updated_at = o.recorded_at,
                       held_attempts = d.held_attempts + case when o.held then 1 else 0 end,
                       completed_at = case when o.status = 'PENDING' then null else o.recorded_at end
                  from outcome o
                 where d.id = o.delivery_id and d.tenant_id = o.tenant_id and d.attempts = o.attempt
                   and d.status = 'PENDING'
                returning d.id, d.tenant_id, d.endpoint_id
            )
            select d.id, w.failing_since, w.enabled
              from delivery d join notification.webhook_endpoints w on w.id = d.endpoint_id and w.tenant_id = d.tenant_id""";

    /**
     * Moves the endpoints' runs of failures, one row per endpoint $1 of tenant $2: a success ($3 false) ends the run, a
     * failure starts it at $4 unless one is running; an endpoint row is written only when that changes it.
     */
    private static final String MOVE_RUNS = """
            update notification.webhook_endpoints w
               set failing_since = case when r.failed then r.at end
              from unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::timestamptz[]) as r (endpoint_id, tenant_id, failed, at)
             where w.id = r.endpoint_id and w.tenant_id = r.tenant_id and (w.failing_since is null) = r.failed""";

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

    /** What {@link #record} found of a delivery's endpoint: its run of failures as it was, and whether it is enabled. */
    record EndpointState(Instant failingSince, boolean enabled) {
    }

    /**
     * Records the outcomes (see {@link #RECORD}) and moves their endpoints' runs of failures by the last judged outcome
     * of each endpoint among the deliveries updated; answers the endpoint's state by delivery id, for those updated that
     * have an endpoint.
     */
    static Uni<Map<UUID, EndpointState>> record(SqlClient client, List<AttemptOutcome> outcomes) {
        int size = outcomes.size();
        UUID[] ids = new UUID[size];
        UUID[] tenants = new UUID[size];
        Integer[] attempts = new Integer[size];
        Integer[] durations = new Integer[size];
        Integer[] statuses = new Integer[size];
        String[] excerpts = new String[size];
        String[] errors = new String[size];
        String[] newStatuses = new String[size];
        OffsetDateTime[] nextAttempts = new OffsetDateTime[size];
        Boolean[] held = new Boolean[size];
        OffsetDateTime[] recordedAt = new OffsetDateTime[size];
        for (int i = 0; i < size; i++) {
            AttemptOutcome outcome = outcomes.get(i);
            ids[i] = outcome.delivery().id();
            tenants[i] = outcome.delivery().tenant();
            attempts[i] = outcome.delivery().attempt();
            durations[i] = outcome.durationMs();
            statuses[i] = outcome.result().responseStatus();
            excerpts[i] = outcome.result().responseExcerpt();
            errors[i] = outcome.result().error();
            newStatuses[i] = outcome.status();
            nextAttempts[i] = Db.ts(outcome.nextAttemptAt());
            held[i] = outcome.held();
            recordedAt[i] = Db.ts(outcome.at());
        }
        return client.preparedQuery(RECORD)
                .execute(Tuple.from(new Object[] { ids, tenants, attempts, durations, statuses, excerpts, errors, newStatuses,
                        nextAttempts, held, recordedAt }))
                .chain(rows -> {
                    Map<UUID, EndpointState> states = new LinkedHashMap<>();
                    rows.forEach(row -> states.put(row.getUUID("id"),
                            new EndpointState(Db.instant(row, "failing_since"), row.getBoolean("enabled"))));
                    return moveRuns(client, outcomes, states).replaceWith(states);
                });
    }

    /** The last judged outcome of each endpoint among the updated deliveries decides its run. */
    private static Uni<Void> moveRuns(SqlClient client, List<AttemptOutcome> outcomes, Map<UUID, EndpointState> updated) {
        Map<UUID, AttemptOutcome> lastOfEndpoint = new LinkedHashMap<>();
        for (AttemptOutcome outcome : outcomes) {
            WebhookTarget webhook = outcome.delivery().webhook();
            if (webhook != null && outcome.judged() && updated.containsKey(outcome.delivery().id())) {
                lastOfEndpoint.put(webhook.endpointId(), outcome);
            }
        }
        if (lastOfEndpoint.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<AttemptOutcome> last = List.copyOf(lastOfEndpoint.values());
        return client.preparedQuery(MOVE_RUNS)
                .execute(Tuple.of(lastOfEndpoint.keySet().toArray(UUID[]::new),
                        last.stream().map(outcome -> outcome.delivery().tenant()).toArray(UUID[]::new),
                        last.stream().map(AttemptOutcome::failed).toArray(Boolean[]::new),
                        last.stream().map(outcome -> Db.ts(outcome.at())).toArray(OffsetDateTime[]::new)))
                .replaceWithVoid();
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
