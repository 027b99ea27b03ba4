package dev.flotilla.task.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/schedules}: a five-field Unix cron expression
 * ({@code minute hour day-of-month month day-of-week}) evaluated in {@code timeZone} (an IANA zone,
 * default UTC), the catch-up policy (default RUN_ONCE) and the task each tick creates.
 */
public record CreateSchedule(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String cron,
        @Size(max = 100) String timeZone,
        CatchUp catchUp,
        @NotNull @Valid TaskTemplate task) {
}
