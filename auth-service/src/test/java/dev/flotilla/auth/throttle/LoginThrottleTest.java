package dev.flotilla.auth.throttle;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The back-off of the brute-force protection, with the default settings (5 free failures per
 * account, then 1 s, doubling): how long a key stays locked, which HTTP shows only as Retry-After.
 */
@QuarkusTest
class LoginThrottleTest {

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginThrottleRepository counters;

    private final String account = LoginThrottle.accountKey("tenant-" + UUID.randomUUID(), "someone@example.com");
    private final String address = LoginThrottle.addressKey("address-" + UUID.randomUUID());

    private void fail(UniAsserter asserter, int times) {
        for (int i = 0; i < times; i++) {
            asserter.execute(() -> throttle.failed(account, address));
        }
    }

    private void assertLockedFor(UniAsserter asserter, Instant before, Duration lock) {
        asserter.assertThat(() -> Panache.withSession(() -> counters.lockedUntil(account, address)), (OffsetDateTime until) -> {
            Instant end = until.toInstant();
            assertFalse(end.isBefore(before.truncatedTo(ChronoUnit.MICROS).plus(lock)), "locked until " + end);
            assertFalse(end.isAfter(Instant.now().plus(lock)), "locked until " + end);
        });
    }

    @Test
    @RunOnVertxContext
    void theFreeFailuresLockNothing(UniAsserter asserter) {
        fail(asserter, 5);

        asserter.assertThat(() -> Panache.withSession(() -> counters.lockedUntil(account, address)),
                until -> assertNull(until));
    }

    @Test
    @RunOnVertxContext
    void theFirstFailureBeyondTheFreeOnesLocksForOneSecond(UniAsserter asserter) {
        Instant before = Instant.now();

        fail(asserter, 6);

        assertLockedFor(asserter, before, Duration.ofSeconds(1));
    }

    @Test
    @RunOnVertxContext
    void eachFurtherFailureLocksTwiceAsLongAsTheLast(UniAsserter asserter) {
        Instant before = Instant.now();

        fail(asserter, 8);

        assertLockedFor(asserter, before, Duration.ofSeconds(4));
    }

    @Test
    @RunOnVertxContext
    void aLockedKeyIsRefusedWithTheSecondsLeft(UniAsserter asserter) {
        fail(asserter, 6);

        asserter.assertFailedWith(() -> throttle.check(account, address),
                e -> assertEquals(1, assertInstanceOf(LockedOut.class, e).retryAfterSeconds()));
    }

    @Test
    @RunOnVertxContext
    void aSuccessfulLoginForgetsTheAccountsFailures(UniAsserter asserter) {
        fail(asserter, 6);

        asserter.execute(() -> throttle.succeeded(account));

        asserter.assertThat(() -> Panache.withSession(() -> counters.lockedUntil(account, address)),
                until -> assertNull(until));
    }
}
