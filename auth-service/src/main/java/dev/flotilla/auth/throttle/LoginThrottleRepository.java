package dev.flotilla.auth.throttle;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The statements over the brute-force counters (one row per key: its failures, the last one, and
 * how long the key is locked), run as native SQL in the caller's session or transaction.
 */
@ApplicationScoped
class LoginThrottleRepository {

    /** The table, schema-qualified: native SQL does not get Hibernate's default schema. */
    private final String table;

    LoginThrottleRepository(@ConfigProperty(name = "flotilla.schema") String schema) {
        this.table = schema + ".login_throttle";
    }

    /** The latest end of a lock-out of either key; null when neither was ever locked. */
    Uni<OffsetDateTime> lockedUntil(String accountKey, String addressKey) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select max(locked_until) from " + table + " where key in (?1, ?2)", OffsetDateTime.class)
                .setParameter(1, accountKey)
                .setParameter(2, addressKey)
                .getSingleResultOrNull());
    }

    /**
     * Counts a failure of the key and returns its failures so far; failures older than
     * {@code forgetAfter} are forgotten first.
     */
    Uni<Integer> countFailure(String key, Duration forgetAfter) {
        String sql = """
                insert into %s as t (key, failures, locked_until, last_failure_at)
                values (?1, 1, null, now())
                on conflict (key) do update set
                  failures = case when t.last_failure_at < now() - make_interval(secs => ?2) then 1 else t.failures + 1 end,
                  last_failure_at = now()
                returning failures""".formatted(table);
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Integer.class)
                .setParameter(1, key)
                .setParameter(2, (double) forgetAfter.toSeconds())
                .getSingleResult());
    }

    /** Locks the key until {@code until}. */
    Uni<Void> lockUntil(String key, OffsetDateTime until) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("update " + table + " set locked_until = ?1 where key = ?2")
                .setParameter(1, until)
                .setParameter(2, key)
                .executeUpdate()).replaceWithVoid();
    }

    /** Forgets the key's failures. */
    Uni<Void> forget(String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from " + table + " where key = ?1")
                .setParameter(1, key)
                .executeUpdate()).replaceWithVoid();
    }

    /** Drops the keys whose last failure is older than {@code cutoff} and that are not locked; returns how many. */
    Uni<Integer> deleteForgotten(OffsetDateTime cutoff) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from " + table
                        + " where last_failure_at < ?1 and (locked_until is null or locked_until < now())")
                .setParameter(1, cutoff)
                .executeUpdate());
    }
}
