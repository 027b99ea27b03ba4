package dev.flotilla.notification;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: the system's, shifted by what a test sets, so that retries hours apart can be made
 * due at once while time still runs. Tests that move it {@link #reset()} it when they end.
 */
@Alternative
@Priority(1)
@Singleton
public class DeliveryTestClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public DeliveryTestClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private DeliveryTestClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** From now on, the clock reads {@code at} and runs on from there. */
    public void set(Instant at) {
        offset.set(Duration.between(Instant.now(), at));
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Back to the system's time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same shifted time, seen in another zone. */
    @Override
    public Clock withZone(ZoneId otherZone) {
        return new DeliveryTestClock(offset, otherZone);
    }
}
