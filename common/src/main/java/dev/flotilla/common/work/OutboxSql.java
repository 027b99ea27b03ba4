package dev.flotilla.common.work;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The statements every transactional outbox of a service's own schema shares: the oldest due rows claimed with a lease
 * ({@code FOR UPDATE SKIP LOCKED}, so two replicas never take one row at once), a sent row deleted, one that has to
 * wait postponed. Besides its own columns, an outbox table has {@code id}, {@code attempts} and
 * {@code next_attempt_at}; the claim crosses tenants, as one shipper sends every tenant's rows.
 */
public final class OutboxSql {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String table;
    private final String claim;
    private final String delete;
    private final String postpone;

    /**
     * The outbox {@code schema.name}; a claim answers {@code id}, {@code attempts} and the expressions {@code returning}
     * over the claimed row {@code o} ({@code o.tenant_id, o.type}).
     */
    public OutboxSql(String schema, String name, String returning) {
        if (!NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("flotilla.schema is not a plain schema name: " + schema);
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain table name: " + name);
        }
        this.table = schema + "." + name;
        // The oldest due rows, leased until $3.
        this.claim = """
                update %1$s o
                   set next_attempt_at = $3, attempts = o.attempts + 1
                  from (select id from %1$s
                         where next_attempt_at <= $1
                         order by next_attempt_at, id
                         limit $2
                           for update skip locked) due
                 where o.id = due.id
                returning o.id, o.attempts, %2$s""".formatted(table, returning);
        this.delete = "delete from " + table + " where id = $1";
        this.postpone = "update " + table + " set next_attempt_at = $2 where id = $1";
    }

    /** The table's qualified name, for the outbox's own statements. */
    public String table() {
        return table;
    }

    public Uni<RowSet<Row>> claim(SqlClient client, Instant now, int limit, Instant leaseUntil) {
        return client.preparedQuery(claim).execute(Tuple.of(Db.ts(now), limit, Db.ts(leaseUntil)));
    }

    public Uni<Void> delete(SqlClient client, UUID id) {
        return client.preparedQuery(delete).execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<Void> postpone(SqlClient client, UUID id, Instant until) {
        return client.preparedQuery(postpone).execute(Tuple.of(id, Db.ts(until))).replaceWithVoid();
    }
}
