package dev.flotilla.common.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** A test-only endpoint whose work needs the database, as every write of a service does. */
@Path("/api/v1/statements")
public class StatementResource {

    private final Pool pool;

    public StatementResource(Pool pool) {
        this.pool = pool;
    }

    @POST
    public Uni<Integer> run() {
        return pool.query("select 1").execute().map(rows -> rows.iterator().next().getInteger(0));
    }
}
