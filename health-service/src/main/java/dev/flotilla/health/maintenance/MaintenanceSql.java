package dev.flotilla.health.maintenance;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The statements over {@code maintenance_windows}, each scoped to a tenant. */
final class MaintenanceSql {

    private static final String COLUMNS = "tenant_id, id, name, targets, group_name, starts_at, ends_at, days, start_time,"
            + " duration_ms, zone, created_at";

    private static final String INSERT = """
            insert into health.maintenance_windows (%s)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""".formatted(COLUMNS);

    private static final String FIND = "select %s from health.maintenance_windows where tenant_id = $1 and id = $2"
            .formatted(COLUMNS);

    private static final String PAGE = """
            select %s from health.maintenance_windows
             where tenant_id = $1 and ($2::uuid is null or id > $2)
             order by id
             limit $3""".formatted(COLUMNS);

    /** The windows that may cover the target: naming it or its group; whether they cover a moment is judged after. */
    private static final String OF_TARGET = """
            select %s from health.maintenance_windows
             where tenant_id = $1 and ($2 = any(targets) or group_name = $3)""".formatted(COLUMNS);

    /** The windows not over at $2: recurring ones, and one-off ones ending after it. */
    private static final String CURRENT = """
            select %s from health.maintenance_windows
             where tenant_id = $1 and (ends_at is null or ends_at > $2)
             order by id""".formatted(COLUMNS);

    private static final String DELETE = "delete from health.maintenance_windows where tenant_id = $1 and id = $2";

    private MaintenanceSql() {
    }

    static Uni<Void> insert(SqlClient client, MaintenanceWindow w) {
        Recurrence r = w.recurrence();
        return client.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(w.tenant(), w.id(), w.name(),
                w.targets().toArray(String[]::new), w.group(), Db.ts(w.start()), Db.ts(w.end()),
                r == null ? null : r.days().stream().map(DayOfWeek::getValue).sorted().toArray(Integer[]::new),
                r == null ? null : r.at(), r == null ? null : r.duration().toMillis(), r == null ? null : r.zone().getId(),
                Db.ts(w.createdAt())))).replaceWithVoid();
    }

    static Uni<MaintenanceWindow> find(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, id))
                .map(rows -> SqlResults.firstRow(rows, MaintenanceSql::window));
    }

    static Uni<List<MaintenanceWindow>> page(SqlClient client, UUID tenant, UUID after, int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.from(Arrays.asList(tenant, after, limit))).map(MaintenanceSql::all);
    }

    static Uni<List<MaintenanceWindow>> ofTarget(SqlClient client, UUID tenant, String name, String group) {
        return client.preparedQuery(OF_TARGET).execute(Tuple.from(Arrays.asList(tenant, name, group)))
                .map(MaintenanceSql::all);
    }

    static Uni<List<MaintenanceWindow>> current(SqlClient client, UUID tenant, Instant at) {
        return client.preparedQuery(CURRENT).execute(Tuple.of(tenant, Db.ts(at))).map(MaintenanceSql::all);
    }

    /** Answers whether there was one. */
    static Uni<Boolean> delete(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant, id)).map(rows -> rows.rowCount() > 0);
    }

    private static List<MaintenanceWindow> all(Iterable<Row> rows) {
        List<MaintenanceWindow> windows = new ArrayList<>();
        rows.forEach(row -> windows.add(window(row)));
        return windows;
    }

    private static MaintenanceWindow window(Row row) {
        Integer[] days = row.getArrayOfIntegers("days");
        Recurrence recurrence = days == null ? null
                : new Recurrence(Arrays.stream(days).map(DayOfWeek::of).collect(Collectors.toCollection(
                        () -> EnumSet.noneOf(DayOfWeek.class))), row.getLocalTime("start_time"),
                        Duration.ofMillis(row.getLong("duration_ms")), ZoneId.of(row.getString("zone")));
        return new MaintenanceWindow(row.getUUID("tenant_id"), row.getUUID("id"), row.getString("name"),
                List.of(row.getArrayOfStrings("targets")), row.getString("group_name"), Db.instant(row, "starts_at"),
                Db.instant(row, "ends_at"), recurrence, Db.instant(row, "created_at"));
    }
}
