package dev.flotilla.health.check;

import dev.flotilla.common.db.Db;
import dev.flotilla.health.registry.Target;
import dev.flotilla.health.registry.TargetSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The checker's statements over {@code targets}: claiming due targets and releasing their leases. The claim is the one
 * statement that crosses tenants: each replica checks every tenant's targets.
 */
final class CheckSql {

    /**
     * Due, enabled targets no other replica holds, oldest due first, locked so that concurrent claims skip them; each
     * is moved one interval on (from when it was due, so the schedule does not drift; from now, if it is more than an
     * interval late) and leased to $3 for its timeout and $4 of slack, never past its next turn.
     */
    private static final String CLAIM = """
            with due as (
                select tenant_id as due_tenant, id as due_id, next_check_at as due_at from health.targets
                 where enabled and next_check_at <= $1 and (leased_until is null or leased_until <= $1)
                 order by next_check_at
                 limit $2
                 for update skip locked
            )
            update health.targets
               set next_check_at = case when next_check_at + interval_ms * interval '1 millisecond' > $1
                                        then next_check_at + interval_ms * interval '1 millisecond'
                                        else $1 + interval_ms * interval '1 millisecond' end,
                   leased_until = $1 + least(interval_ms, timeout_ms + $4) * interval '1 millisecond',
                   leased_by = $3
              from due
             where tenant_id = due_tenant and id = due_id
            returning %s, due_at""".formatted(TargetSql.COLUMNS);

    private static final String RELEASE = """
            update health.targets set leased_until = null, leased_by = null
             where tenant_id = $1 and id = $2 and leased_by = $3""";

    /** When the next enabled target comes due. */
    private static final String NEXT_DUE = "select min(next_check_at) as next from health.targets where enabled";

    private CheckSql() {
    }

    /** A target claimed for a check, and when it was due. */
    record Claimed(Target target, Instant dueAt) {
    }

    static Uni<List<Claimed>> claim(SqlClient client, Instant now, int limit, String replica, Duration slack) {
        return client.preparedQuery(CLAIM).execute(Tuple.of(Db.ts(now), limit, replica, slack.toMillis())).map(rows -> {
            List<Claimed> claimed = new ArrayList<>(rows.size());
            rows.forEach(row -> claimed.add(new Claimed(TargetSql.target(row), Db.instant(row, "due_at"))));
            return claimed;
        });
    }

    static Uni<Void> release(SqlClient client, UUID tenant, UUID id, String replica) {
        return client.preparedQuery(RELEASE).execute(Tuple.of(tenant, id, replica)).replaceWithVoid();
    }

    /** When the next target comes due, or null when none is enabled. */
    static Uni<Instant> nextDue(SqlClient client) {
        return client.preparedQuery(NEXT_DUE).execute().map(rows -> Db.instant(rows.iterator().next(), "next"));
    }
}
