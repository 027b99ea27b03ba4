package dev.flotilla.auth.throttle;

import dev.flotilla.auth.config.AuthConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Brute-force protection of the login, per account and per client address, kept in the database so
 * every replica sees the same counts. After a number of free failures each further failure locks the
 * key for twice as long as the last (up to a maximum). While a key is locked, every login through it
 * is refused with 429 before the password is even checked, so a correct password does not bypass it.
 */
@ApplicationScoped
public class LoginThrottle {

    private final AuthConfig.Throttle config;
    /** The table, schema-qualified: native SQL does not get Hibernate's default schema. */
    private final String table;

    public LoginThrottle(AuthConfig config, @ConfigProperty(name = "flotilla.schema") String schema) {
        this.config = config.throttle();
        this.table = schema + ".login_throttle";
    }

    public static String accountKey(String tenantSlug, String email) {
        return "account:" + tenantSlug + ":" + email;
    }

    public static String addressKey(String address) {
        return "address:" + address;
    }

    /** Fails with {@link LockedOut} while any of the keys is locked. */
    @WithSession
    public Uni<Void> check(String accountKey, String addressKey) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("select max(locked_until) from " + table + " where key in (?1, ?2)", OffsetDateTime.class)
                        .setParameter(1, accountKey)
                        .setParameter(2, addressKey)
                        .getSingleResultOrNull())
                .invoke(lockedUntil -> {
                    Instant now = Instant.now();
                    if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
                        long seconds = Math.max(1, (Duration.between(now, lockedUntil.toInstant()).toMillis() + 999) / 1000);
                        throw new LockedOut(seconds);
                    }
                })
                .replaceWithVoid();
    }

    /** Counts a failure against both keys, locking those past their free failures. */
    @WithTransaction
    public Uni<Void> failed(String accountKey, String addressKey) {
        return fail(accountKey, config.accountFreeFailures()).chain(() -> fail(addressKey, config.addressFreeFailures()));
    }

    /** A successful login forgets the account's failures (not the address's: one good account must not launder them). */
    @WithTransaction
    public Uni<Void> succeeded(String accountKey) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from " + table + " where key = ?1")
                .setParameter(1, accountKey)
                .executeUpdate()).replaceWithVoid();
    }

    /** Drops keys whose failures are forgotten anyway. */
    @WithTransaction
    public Uni<Integer> purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.forgetAfter());
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from " + table + " where last_failure_at < ?1 and (locked_until is null or locked_until < now())")
                .setParameter(1, cutoff)
                .executeUpdate());
    }

    private Uni<Void> fail(String key, int freeFailures) {
        // failures beyond the free ones lock for base * 2^(n-1), capped; old failures are forgotten first.
        String sql = """
                insert into %s as t (key, failures, locked_until, last_failure_at)
                values (?1, 1, null, now())
                on conflict (key) do update set
                  failures = case when t.last_failure_at < now() - make_interval(secs => ?2) then 1 else t.failures + 1 end,
                  last_failure_at = now()
                returning failures""".formatted(table);
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Integer.class)
                        .setParameter(1, key)
                        .setParameter(2, (double) config.forgetAfter().toSeconds())
                        .getSingleResult())
                .chain(failures -> {
                    if (failures <= freeFailures) {
                        return Uni.createFrom().voidItem();
                    }
                    long factor = 1L << Math.min(30, failures - freeFailures - 1);
                    Duration lock = config.baseLockout().multipliedBy(factor);
                    if (lock.compareTo(config.maxLockout()) > 0) {
                        lock = config.maxLockout();
                    }
                    OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plus(lock);
                    return Panache.getSession().chain(session -> session
                            .createNativeQuery("update " + table + " set locked_until = ?1 where key = ?2")
                            .setParameter(1, until)
                            .setParameter(2, key)
                            .executeUpdate()).replaceWithVoid();
                });
    }

}
