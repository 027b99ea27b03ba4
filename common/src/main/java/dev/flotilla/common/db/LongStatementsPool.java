package dev.flotilla.common.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;

/**
 * Creates the reactive PostgreSQL pool as Quarkus does, except that long statements are kept
 * prepared too. With {@code quarkus.datasource.reactive.cache-prepared-statements} the Vert.x
 * client keeps a statement prepared on its connection only if its SQL is at most 2,048 characters
 * long (its default {@code preparedStatementCacheSqlLimit}, which Quarkus does not expose); a longer one is
 * sent unnamed, so PostgreSQL parses and plans it again on every execution. Statements that do a
 * whole state change at once (task-service's claim: the task, its event, the workflow roll-up
 * and the wake-up notice) are longer than that, and are the ones run most.
 * Unlike Quarkus's own pool, this one does not ask a credentials provider for each connection:
 * Flotilla configures none (the database user and password are plain configuration).
 *
 * <p>
 * Every connection also asks PostgreSQL to end a session that stays idle inside a transaction
 * for {@value #IDLE_IN_TRANSACTION_TIMEOUT} ({@code idle_in_transaction_session_timeout}, unless
 * {@code quarkus.datasource.reactive.additional-properties} names it): should a request's work
 * ever stop half-way through a transaction, its row locks are released and its connection is
 * closed, instead of blocking every later write of those rows.
 */
@Singleton
public class LongStatementsPool implements PgPoolCreator {

    /** Longer than any statement the services write; a statement longer still is simply not cached. */
    static final int CACHED_SQL_LIMIT = 16_384;
    /** Far longer than any transaction of the services waits between its statements. */
    static final String IDLE_IN_TRANSACTION_TIMEOUT = "30s";

    @Override
    public Pool create(Input input) {
        input.pgConnectOptionsList().forEach(options -> {
            options.setPreparedStatementCacheSqlLimit(CACHED_SQL_LIMIT);
            options.getProperties().putIfAbsent("idle_in_transaction_session_timeout", IDLE_IN_TRANSACTION_TIMEOUT);
        });
        return PgDriver.INSTANCE.createPool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
