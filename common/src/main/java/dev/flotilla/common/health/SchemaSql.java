package dev.flotilla.common.health;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The readiness probe's one statement, run through the reactive pool the service really uses. */
@ApplicationScoped
class SchemaSql {

    private final Pool pool;

    SchemaSql(Pool pool) {
        this.pool = pool;
    }

    /** Whether {@code schema} exists, which Flyway's migration at start-up makes true. */
    Uni<Boolean> exists(String schema) {
        return pool.preparedQuery("select count(*) from information_schema.schemata where schema_name = $1")
                .execute(Tuple.of(schema))
                .map(rows -> rows.iterator().next().getLong(0) == 1);
    }
}
