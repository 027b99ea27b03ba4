package dev.flotilla.notification.delivery;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The statements over {@code digests} and their member deliveries: collecting an event's e-mails into its recipients'
 * open windows (in the publish transaction), the worker's claim and record (which span tenants, by primary key).
 */
final class DigestSql {

    /**
     * For each user $7 (with a new digest id $9 and delivery id $10): the digest of the tenant $1, rule $3 (pattern $4)
     * and window $5–$6, opened if need be and due at its end, and the event $2's e-mail delivery in it, PENDING until
     * then. A digest already claimed once is closed (the upsert leaves it and answers nothing for that user): its
     * members are fixed, so an event that comes too late for it is not collected. Answers the users collected.
     * <p>
     * The upsert locks an existing digest until the publish commits, so a worker's claim skips it until then, and a
     * claim made meanwhile makes the upsert find it closed.
     */
    private static final String COLLECT = """
            with opened as (
                insert into notification.digests as g (id, tenant_id, user_id, rule_id, pattern, window_start, window_end,
                                                       status, next_attempt_at, created_at, updated_at)
                select u.digest_id, $1::uuid, u.user_id, $3::uuid, $4::text, $5::timestamptz, $6::timestamptz, 'PENDING',
                       $6::timestamptz, $8::timestamptz, $8::timestamptz
                  from unnest($7::text[], $9::uuid[]) as u(user_id, digest_id)
                    on conflict (tenant_id, user_id, rule_id, window_start)
                    do update set updated_at = greatest(g.updated_at, excluded.updated_at)
                 where g.attempts = 0
                returning id, user_id, next_attempt_at
            ), collected as (
                insert into notification.deliveries (id, tenant_id, event_id, channel, recipient, status, attempts,
                                                     next_attempt_at, digest_id, created_at, updated_at)
                select d.id, $1::uuid, $2::uuid, 'email', d.user_id, 'PENDING', 0, o.next_attempt_at, o.id, $8::timestamptz,
                       $8::timestamptz
                  from unnest($10::uuid[], $7::text[]) as d(id, user_id)
                  join opened o on o.user_id = d.user_id
                returning recipient)
            select recipient from collected""";

    /**
     * Takes up to $2 digests due at $1, the longest due first, that no other worker holds, and leases each until $3 (its
     * next_attempt_at, so that it is due again if its worker never records the outcome).
     */
    private static final String CLAIM = """
            with due as (
                select id from notification.digests
                 where status = 'PENDING' and next_attempt_at <= $1
                 order by next_attempt_at
                 limit $2
                   for update skip locked)
            update notification.digests g
               set attempts = g.attempts + 1, next_attempt_at = $3, updated_at = $1
              from due
             where g.id = due.id
            returning g.id, g.tenant_id, g.user_id, g.rule_id, g.pattern, g.window_start, g.window_end, g.attempts,
                      g.held_attempts""";

    /**
     * The pending members of the digests $1 just claimed, each given its next attempt number, an attempt row started at
     * $2 and the digests' lease $3, with their events in publishing order. A statement of its own, after the claim: it
     * sees every publish that collected into the digests before the claim locked them.
     */
    private static final String CLAIM_MEMBERS = """
            with claimed as (
                update notification.deliveries d
                   set attempts = d.attempts + 1, next_attempt_at = $3, updated_at = $2
                 where d.digest_id = any($1::uuid[]) and d.status = 'PENDING'
                returning d.id, d.tenant_id, d.event_id, d.digest_id, d.attempts
            ), abandoned as (
                update notification.delivery_attempts a
                   set error = 'no outcome was recorded: its worker stopped before the lease ran out'
                  from claimed c
                 where a.delivery_id = c.id and a.attempt < c.attempts and a.duration_ms is null and a.error is null
            ), started as (
                insert into notification.delivery_attempts (delivery_id, attempt, tenant_id, started_at)
                select id, attempts, tenant_id, $2::timestamptz from claimed)
            select c.id, c.digest_id, c.attempts, c.event_id, e.type, e.subject, e.data::text as data, e.created_at
              from claimed c
              join notification.events e on e.id = c.event_id and e.tenant_id = c.tenant_id
             order by e.created_at, e.id""";

    /**
     * Records attempt $3 of the tenant $2's digest $1 and, if it is still the recorder's (no other worker has claimed it
     * since), its new status $4 (PENDING again until $5, or ended), a hold ($8) counted apart, and on each member $9
     * (at its attempt $10) its status $11 and error $12, the attempt's duration $13 and note $14. Answers whether the
     * digest was the recorder's.
     */
    private static final String RECORD = """
            with digest as (
                update notification.digests
                   set status = $4::text, next_attempt_at = $5::timestamptz, last_error = $6::text, updated_at = $7::timestamptz,
                       held_attempts = held_attempts + case when $8::boolean then 1 else 0 end,
                       completed_at = case when $4::text = 'PENDING' then null else $7::timestamptz end
                 where id = $1 and tenant_id = $2 and attempts = $3::int and status = 'PENDING'
                returning id
            ), member as (
                select m.id, m.attempt, m.status, m.error
                  from unnest($9::uuid[], $10::int[], $11::text[], $12::text[]) as m(id, attempt, status, error)
            ), attempt as (
                update notification.delivery_attempts a
                   set duration_ms = $13::int, response_excerpt = $14::text, error = m.error
                  from member m, digest
                 where a.delivery_id = m.id and a.attempt = m.attempt and a.tenant_id = $2
            ), delivery as (
                update notification.deliveries d
                   set status = m.status, last_error = m.error, updated_at = $7::timestamptz,
                       next_attempt_at = case when m.status = 'PENDING' then $5::timestamptz end,
                       held_attempts = d.held_attempts + case when $8::boolean and m.status = 'PENDING' then 1 else 0 end,
                       completed_at = case when m.status = 'PENDING' then null else $7::timestamptz end
                  from member m, digest
                 where d.id = m.id and d.tenant_id = $2 and d.attempts = m.attempt and d.status = 'PENDING')
            select count(*)::int as recorded from digest""";

    private DigestSql() {
    }

    /**
     * Collects the event's e-mail to each of {@code users} into their digest (see {@link #COLLECT}); answers those collected.
     */
    static Uni<Set<String>> collect(SqlClient client, UUID tenant, UUID event, UUID rule, String pattern, Instant windowStart,
            Instant windowEnd, List<String> users, List<UUID> digestIds, List<UUID> deliveryIds, Instant now) {
        return client.preparedQuery(COLLECT)
                .execute(Tuple.from(Arrays.asList(tenant, event, rule, pattern, Db.ts(windowStart), Db.ts(windowEnd),
                        users.toArray(String[]::new), Db.ts(now), digestIds.toArray(UUID[]::new),
                        deliveryIds.toArray(UUID[]::new))))
                .map(rows -> {
                    Set<String> collected = new HashSet<>();
                    rows.forEach(row -> collected.add(row.getString("recipient")));
                    return collected;
                });
    }

    /** Claims up to {@code limit} due digests with their pending members (see {@link #CLAIM}, {@link #CLAIM_MEMBERS}). */
    static Uni<List<ClaimedDigest>> claim(SqlClient client, Instant now, int limit, Instant leaseEnd) {
        return client.preparedQuery(CLAIM).execute(Tuple.of(Db.ts(now), limit, Db.ts(leaseEnd))).chain(rows -> {
            Map<UUID, Row> digests = new LinkedHashMap<>();
            rows.forEach(row -> digests.put(row.getUUID("id"), row));
            if (digests.isEmpty()) {
                return Uni.createFrom().item(List.<ClaimedDigest> of());
            }
            return client.preparedQuery(CLAIM_MEMBERS)
                    .execute(Tuple.of(digests.keySet().toArray(UUID[]::new), Db.ts(now), Db.ts(leaseEnd)))
                    .map(memberRows -> {
                        Map<UUID, List<ClaimedDigest.Member>> members = new LinkedHashMap<>();
                        for (Row row : memberRows) {
                            members.computeIfAbsent(row.getUUID("digest_id"), id -> new ArrayList<>())
                                    .add(new ClaimedDigest.Member(row.getUUID("id"), row.getInteger("attempts"),
                                            row.getUUID("event_id"), row.getString("type"), row.getString("subject"),
                                            row.getString("data"), Db.instant(row, "created_at")));
                        }
                        List<ClaimedDigest> claimed = new ArrayList<>(digests.size());
                        digests.forEach((id, row) -> claimed.add(new ClaimedDigest(id, row.getUUID("tenant_id"),
                                row.getString("user_id"), row.getUUID("rule_id"), row.getString("pattern"),
                                Db.instant(row, "window_start"), Db.instant(row, "window_end"), row.getInteger("attempts"),
                                row.getInteger("held_attempts"), members.getOrDefault(id, List.of()))));
                        return claimed;
                    });
        });
    }

    /** One member's part of a recorded attempt: its status and error. */
    record MemberOutcome(ClaimedDigest.Member member, String status, String error) {
    }

    /** Records an attempt (see {@link #RECORD}); answers whether the digest was still the recorder's. */
    static Uni<Boolean> record(SqlClient client, ClaimedDigest digest, String status, Instant nextAttemptAt, String error,
            boolean held, List<MemberOutcome> members, int durationMs, String note, Instant now) {
        return client.preparedQuery(RECORD)
                .execute(Tuple.from(Arrays.asList(digest.id(), digest.tenant(), digest.attempt(), status, Db.ts(nextAttemptAt),
                        error, Db.ts(now), held,
                        members.stream().map(m -> m.member().deliveryId()).toArray(UUID[]::new),
                        members.stream().map(m -> m.member().attempt()).toArray(Integer[]::new),
                        members.stream().map(MemberOutcome::status).toArray(String[]::new),
                        members.stream().map(MemberOutcome::error).toArray(String[]::new), durationMs, note)))
                .map(rows -> rows.iterator().next().getInteger("recorded") == 1);
    }
}
