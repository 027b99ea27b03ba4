package dev.flotilla.task.task;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.task.config.TaskConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How what a client asked for is completed by the configured defaults, and which durations are refused. */
class TaskDefaultsTest {

    private static final TaskConfig.Defaults CONFIGURED = new TaskConfig.Defaults() {
        @Override
        public int priority() {
            return 5;
        }

        @Override
        public int maxAttempts() {
            return 3;
        }

        @Override
        public Duration backoffInitial() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration backoffMax() {
            return Duration.ofMinutes(5);
        }

        @Override
        public double backoffMultiplier() {
            return 2.0;
        }
    };

    /** Only the defaults are read when a task is resolved. */
    private final TaskDefaults defaults = new TaskDefaults(new TaskConfig() {
        @Override
        public Agents agents() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Defaults defaults() {
            return CONFIGURED;
        }

        @Override
        public Dispatch dispatch() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Jobs jobs() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Outbox outbox() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Notifications notifications() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Schedules schedules() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Retention retention() {
            throw new UnsupportedOperationException();
        }
    });

    private TaskSpec resolve(Duration timeout, Backoff backoff) {
        return defaults.resolve("tasks[2].", "work", null, null, null, timeout, null, backoff);
    }

    private String refusedField(Duration timeout, Backoff backoff) {
        return assertThrows(BadRequest.class, () -> resolve(timeout, backoff)).errors().get(0).field();
    }

    @Test
    void whatATaskDoesNotSayComesFromTheConfiguredDefaults() {
        assertEquals(new TaskSpec("work", null, 5, List.of(), null, 3, Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0),
                resolve(null, null));
    }

    @Test
    void whatATaskSaysIsKept() {
        TaskSpec spec = defaults.resolve("", "work", null, 9, List.of("gpu"), Duration.ofMinutes(1), 7,
                new Backoff(Duration.ZERO, Duration.ofSeconds(30), 1.5));
        assertEquals(
                new TaskSpec("work", null, 9, List.of("gpu"), Duration.ofMinutes(1), 7, Duration.ZERO, Duration.ofSeconds(30),
                        1.5),
                spec);
    }

    @Test
    void theTypeAndCapabilitiesAreStrippedAndCapabilitiesNamedOnce() {
        TaskSpec spec = defaults.resolve("", " work ", null, null, List.of("gpu", " gpu", "ssd "), null, null, null);
        assertEquals("work", spec.type());
        assertEquals(List.of("gpu", "ssd"), spec.requiredCapabilities());
    }

    @Test
    void theDefaultLongestBackOffIsNeverShorterThanTheGivenFirst() {
        TaskSpec spec = resolve(null, new Backoff(Duration.ofMinutes(10), null, null));
        assertEquals(Duration.ofMinutes(10), spec.backoffMax());
    }

    @Test
    void aNegativeFirstBackOffIsRefusedNamingTheField() {
        assertEquals("tasks[2].backoff.initial", refusedField(null, new Backoff(Duration.ofSeconds(-1), null, null)));
    }

    @Test
    void aFirstBackOffLongerThanADayIsRefused() {
        assertEquals("tasks[2].backoff.initial", refusedField(null, new Backoff(Duration.ofDays(2), Duration.ofDays(2), null)));
    }

    @Test
    void aLongestBackOffShorterThanTheFirstIsRefused() {
        assertEquals("tasks[2].backoff.max",
                refusedField(null, new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), null)));
    }

    @Test
    void aLongestBackOffOfMoreThanADayIsRefused() {
        assertEquals("tasks[2].backoff.max", refusedField(null, new Backoff(null, Duration.ofHours(25), null)));
    }

    @Test
    void aTimeoutMustBePositive() {
        assertEquals("tasks[2].timeout", refusedField(Duration.ZERO, null));
        assertEquals("tasks[2].timeout", refusedField(Duration.ofSeconds(-5), null));
    }

    @Test
    void aTimeoutOfMoreThanSevenDaysIsRefused() {
        assertEquals("tasks[2].timeout", refusedField(Duration.ofDays(8), null));
    }
}
