package dev.flotilla.health.history;

import java.time.LocalDate;
import java.util.UUID;

/** The checks of one target on one UTC day, and how many of them failed. */
public record DailyChecks(UUID target, LocalDate date, long checks, long failures) {
}
