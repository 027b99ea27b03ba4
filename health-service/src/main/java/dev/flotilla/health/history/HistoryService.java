package dev.flotilla.health.history;

import dev.flotilla.common.db.Db;
import dev.flotilla.health.registry.TargetService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A target's history for anyone who may read it, and the uptime of many targets at once for the status. */
@ApplicationScoped
public class HistoryService {

    private final Db db;
    private final TargetService targets;
    private final Clock clock;

    public HistoryService(Db db, TargetService targets, Clock clock) {
        this.db = db;
        this.targets = targets;
        this.clock = clock;
    }

    /**
     * The history of the target {@code id} the tenant may read, for the parameters as given (null: their defaults);
     * 404 for a target it may not read, 400 for parameters that are wrong.
     */
    public Uni<HistoryView> history(UUID tenant, UUID id, String from, String to, String step) {
        HistoryQuery query = HistoryQuery.of(from, to, step, clock.instant());
        return targets.get(tenant, id)
                .chain(target -> HistorySql.points(db.pool(), target.tenant(), id, query))
                .map(points -> new HistoryView(id, query.from(), query.to(), query.step().toString(), points));
    }

    /**
     * The uptime of each of {@code targetIds} that is the tenant's or the platform's and was checked in the last month,
     * in one indexed read; targets without checks (or another tenant's) are absent from the answer.
     */
    public Uni<Map<UUID, Uptime>> uptimes(UUID tenant, Collection<UUID> targetIds) {
        if (targetIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return HistorySql.uptimes(db.pool(), tenant, targetIds);
    }

    /**
     * The checks per UTC day from {@code from} to the day before {@code until} of the targets ({@code tenants[i]},
     * {@code targets[i]}), which the caller has chosen (a status page's); days without checks are absent.
     */
    public Uni<List<DailyChecks>> daily(List<UUID> tenants, List<UUID> targets, LocalDate from, LocalDate until) {
        if (targets.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return HistorySql.daily(db.pool(), tenants, targets, from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                until.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
