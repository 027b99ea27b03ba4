package dev.flotilla.task.agent;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.task.config.TaskConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Computes {@link AgentMetricsView} from {@code task_events} and {@code tasks}. */
@ApplicationScoped
public class AgentMetrics {

    private static final Duration MAX_WINDOW = Duration.ofDays(90);

    private final Db db;
    private final TaskConfig config;

    public AgentMetrics(Db db, TaskConfig config) {
        this.db = db;
        this.config = config;
    }

    /** {@code window} is an ISO-8601 duration such as {@code PT1H}, or null for the configured default. */
    public Uni<AgentMetricsView> of(UUID tenant, UUID agent, String window) {
        Duration span = parse(window);
        Instant since = Instant.now().minus(span);
        return AgentSql.attempts(db.pool(), tenant, agent, Db.ts(since)).map(row -> {
            if (!row.getBoolean("known")) {
                throw new NotFound("agent", agent);
            }
            long completed = row.getLong("completed");
            long failed = row.getLong("failed");
            Double rate = completed + failed == 0 ? null : (double) completed / (completed + failed);
            return new AgentMetricsView(agent, span, since, completed, failed, row.getLong("cancelled"), rate,
                    row.getLong("in_flight"), row.getDouble("p50"), row.getDouble("p95"));
        });
    }

    private Duration parse(String window) {
        if (window == null || window.isBlank()) {
            return config.agents().metricsWindow();
        }
        try {
            Duration span = Duration.parse(window);
            if (span.isNegative() || span.isZero() || span.compareTo(MAX_WINDOW) > 0) {
                throw new BadRequest("window", "must be a positive duration of at most 90 days");
            }
            return span;
        } catch (DateTimeParseException e) {
            throw new BadRequest("window", "'" + window + "' is not an ISO-8601 duration such as PT1H");
        }
    }
}
