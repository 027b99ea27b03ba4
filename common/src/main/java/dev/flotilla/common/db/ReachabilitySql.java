package dev.flotilla.common.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** The one statement that asks whether the database answers at all, through the service's own pool. */
@ApplicationScoped
class ReachabilitySql {

    private final Pool pool;

    ReachabilitySql(Pool pool) {
        this.pool = pool;
    }

    /** Completes when the database has answered a trivial statement. */
    Uni<Void> ping() {
        return pool.query("select 1").execute().replaceWithVoid();
    }
}
