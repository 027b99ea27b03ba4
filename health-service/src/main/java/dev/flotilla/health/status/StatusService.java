package dev.flotilla.health.status;

import dev.flotilla.common.db.Db;
import dev.flotilla.health.history.HistoryService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The status of the tenant's targets and the platform's. */
@ApplicationScoped
public class StatusService {

    private final Db db;
    private final HistoryService history;

    StatusService(Db db, HistoryService history) {
        this.db = db;
        this.history = history;
    }

    public Uni<StatusView> status(UUID tenant) {
        return StatusSql.targets(db.pool(), tenant).chain(targets -> history
                .uptimes(tenant, targets.stream().map(TargetStatus::id).toList())
                .map(uptimes -> targets.stream().map(target -> target.with(uptimes.get(target.id()))).toList()))
                .map(targets -> new StatusView(overall(targets), targets));
    }

    static String overall(List<TargetStatus> targets) {
        List<TargetStatus> known = targets.stream()
                .filter(t -> t.enabled() && !TargetStatus.UNKNOWN.equals(t.state())).toList();
        long up = known.stream().filter(t -> "UP".equals(t.state())).count();
        if (up == known.size()) {
            return "UP";
        }
        return up == 0 ? "DOWN" : "DEGRADED";
    }
}
