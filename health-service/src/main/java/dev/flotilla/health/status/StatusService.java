package dev.flotilla.health.status;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The status of the tenant's targets and the platform's. */
@ApplicationScoped
public class StatusService {

    private final Db db;

    StatusService(Db db) {
        this.db = db;
    }

    public Uni<StatusView> status(UUID tenant) {
        return StatusSql.targets(db.pool(), tenant).map(targets -> new StatusView(overall(targets), targets));
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
