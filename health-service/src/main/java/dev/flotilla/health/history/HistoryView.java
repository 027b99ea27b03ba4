package dev.flotilla.health.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A target's history as the API shows it: the span asked for and its points, oldest first (steps without checks left out). */
public record HistoryView(UUID targetId, Instant from, Instant to, String step, List<HistoryPoint> points) {
}
