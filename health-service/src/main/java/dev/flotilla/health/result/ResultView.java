package dev.flotilla.health.result;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A result as the API shows it. */
public record ResultView(UUID id, Instant at, String status, int latencyMs, List<String> failing, String excerpt,
        String error) {

    static ResultView of(Result result) {
        return new ResultView(result.id(), result.at(), result.status().name(), result.latencyMs(), result.failing(),
                result.excerpt(), result.error());
    }
}
