package dev.flotilla.health.alert;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The statements over {@code alert_outbox}. The claim crosses tenants, as the publisher ships every tenant's alerts;
 * each alert is then published with a token of its own tenant.
 */
final class AlertSql {

    private static final String INSERT = """
            insert into health.alert_outbox (id, tenant_id, type, topic, subject, data, created_at, next_attempt_at)
            values ($1, $2, $3, $4, $5, $6::text::json, $7, $7)""";

    /** The oldest due alerts, leased until {@code $3}. */
    private static final String CLAIM = """
            update health.alert_outbox o
               set next_attempt_at = $3, attempts = o.attempts + 1
              from (select id from health.alert_outbox
                     where next_attempt_at <= $1
                     order by next_attempt_at, id
                     limit $2
                       for update skip locked) due
             where o.id = due.id
            returning o.id, o.tenant_id, o.type, o.topic, o.subject, o.data::text as data, o.attempts""";

    private static final String DELETE = "delete from health.alert_outbox where id = $1";
    private static final String POSTPONE = "update health.alert_outbox set next_attempt_at = $2 where id = $1";

    /** An alert waiting to be published, with how many times it has been claimed. */
    record Pending(UUID id, UUID tenant, String type, String topic, String subject, String data, int attempts) {
    }

    private AlertSql() {
    }

    static Uni<Void> insert(SqlClient tx, UUID id, UUID tenant, String type, String topic, String subject, String data,
            Instant now) {
        return tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(id, tenant, type, topic, subject, data, Db.ts(now))))
                .replaceWithVoid();
    }

    static Uni<List<Pending>> claim(SqlClient client, Instant now, int limit, Instant leaseUntil) {
        return client.preparedQuery(CLAIM).execute(Tuple.of(Db.ts(now), limit, Db.ts(leaseUntil))).map(rows -> {
            List<Pending> pending = new ArrayList<>(rows.size());
            for (Row row : rows) {
                pending.add(new Pending(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("type"),
                        row.getString("topic"), row.getString("subject"), row.getString("data"), row.getInteger("attempts")));
            }
            return pending;
        });
    }

    static Uni<Void> delete(SqlClient client, UUID id) {
        return client.preparedQuery(DELETE).execute(Tuple.of(id)).replaceWithVoid();
    }

    static Uni<Void> postpone(SqlClient client, UUID id, Instant until) {
        return client.preparedQuery(POSTPONE).execute(Tuple.of(id, Db.ts(until))).replaceWithVoid();
    }
}
