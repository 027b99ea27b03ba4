package dev.flotilla.health.maintenance;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.health.registry.Target;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** A tenant's maintenance windows: created, read and deleted through the API, and asked whether one covers a target. */
@ApplicationScoped
public class MaintenanceService {

    private final Db db;
    private final Clock clock;

    public MaintenanceService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Uni<MaintenanceWindow> create(UUID tenant, CreateMaintenanceWindow request) {
        MaintenanceWindow window = MaintenanceRules.window(tenant, Ids.next(), request,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return MaintenanceSql.insert(db.pool(), window).replaceWith(window);
    }

    public Uni<Page<MaintenanceWindow>> list(UUID tenant, PageParams page) {
        UUID after = page.after() == null ? null : page.after().id();
        return MaintenanceSql.page(db.pool(), tenant, after, page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), w -> Cursor.of(w.id())));
    }

    public Uni<MaintenanceWindow> get(UUID tenant, UUID id) {
        return MaintenanceSql.find(db.pool(), tenant, id).map(window -> {
            if (window == null) {
                throw new NotFound("maintenance window", id);
            }
            return window;
        });
    }

    public Uni<Void> delete(UUID tenant, UUID id) {
        return MaintenanceSql.delete(db.pool(), tenant, id).map(deleted -> {
            if (!deleted) {
                throw new NotFound("maintenance window", id);
            }
            return null;
        });
    }

    /** The tenant's windows not over at {@code at}: recurring ones, and one-off ones in progress or to come. */
    public Uni<List<MaintenanceWindow>> current(UUID tenant, Instant at) {
        return MaintenanceSql.current(db.pool(), tenant, at);
    }

    /** Whether a window of the target's tenant covers it at {@code at}. */
    public Uni<Boolean> covers(SqlConnection tx, Target target, Instant at) {
        return MaintenanceSql.ofTarget(tx, target.tenant(), target.name(), target.group())
                .map(windows -> windows.stream().anyMatch(w -> w.covers(target.name(), target.group(), at)));
    }
}
