package dev.flotilla.auth.throttle;

import dev.flotilla.auth.config.AuthConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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
    private final LoginThrottleRepository counters;

    public LoginThrottle(AuthConfig config, LoginThrottleRepository counters) {
        this.config = config.throttle();
        this.counters = counters;
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
        return counters.lockedUntil(accountKey, addressKey)
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
        return counters.forget(accountKey);
    }

    /** Drops keys whose failures are forgotten anyway. */
    @WithTransaction
    public Uni<Integer> purge() {
        return counters.deleteForgotten(OffsetDateTime.now(ZoneOffset.UTC).minus(config.forgetAfter()));
    }

    private Uni<Void> fail(String key, int freeFailures) {
        // failures beyond the free ones lock for base * 2^(n-1), capped; old failures are forgotten first.
        return counters.countFailure(key, config.forgetAfter())
                .chain(failures -> {
                    if (failures <= freeFailures) {
                        return Uni.createFrom().voidItem();
                    }
                    long factor = 1L << Math.min(30, failures - freeFailures - 1);
                    Duration lock = config.baseLockout().multipliedBy(factor);
                    if (lock.compareTo(config.maxLockout()) > 0) {
                        lock = config.maxLockout();
                    }
                    return counters.lockUntil(key, OffsetDateTime.now(ZoneOffset.UTC).plus(lock));
                });
    }

}
