package dev.flotilla.common.work;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The sending half of a transactional outbox, for a scheduled shipper: one round claims the due rows ({@link OutboxSql})
 * and sends them oldest first, one at a time; a row is deleted once the peer accepted it. One the peer cannot take now
 * (down, slow, no service token yet), or refuses for a reason configuration can mend, waits: {@code min-backoff} after
 * its first attempt, doubling up to {@code max-backoff}. One refused for what it is ({@code neverAccepted}) is dropped
 * with a warning, as it never would be accepted. One WARN when rows start to wait, one INFO when they flow again.
 *
 * @param <P> a claimed row
 */
public final class OutboxShipping<P extends OutboxShipping.Claimed> {

    /** What a round needs of a claimed row. */
    public interface Claimed {

        UUID id();

        /** How many times the row has been claimed, this claim included. */
        int attempts();

        /** The row as log lines name it: {@code audit event <id> (<type>)}. */
        String label();
    }

    private final Db db;
    private final OutboxSql sql;
    private final Function<Row, P> claimed;
    private final DatabaseOutage outage;
    private final Clock clock;
    private final Logger log;
    private final String rows;
    private final String peer;
    private volatile boolean waiting;

    /**
     * Shipping of {@code sql}'s table, whose claimed rows {@code claimed} reads, to {@code peer}; {@code rows} names what
     * the rows are in log lines ({@code Audit events}).
     */
    public OutboxShipping(Db db, OutboxSql sql, Function<Row, P> claimed, DatabaseOutage outage, Clock clock, Logger log,
            String rows, String peer) {
        this.db = db;
        this.sql = sql;
        this.claimed = claimed;
        this.outage = outage;
        this.clock = clock;
        this.log = log;
        this.rows = rows;
        this.peer = peer;
    }

    /** Sends what is due with {@code send}; never fails (a failed round is logged, its rows are claimed again later). */
    public Uni<Void> round(OutboxSettings settings, Function<P, Uni<?>> send, Predicate<Throwable> neverAccepted) {
        Instant now = clock.instant();
        return db.statement(pool -> sql.claim(pool, now, settings.batch(), now.plus(settings.lease())))
                .map(this::claimed)
                .onItem().transformToMulti(pending -> Multi.createFrom().iterable(pending))
                .onItem().transformToUni(pending -> send(pending, settings, send, neverAccepted)).concatenate()
                .collect().asList()
                .invoke(this::reportWaiting)
                .onFailure().invoke(failure -> outage.jobFailed(log, failure,
                        "Sending " + rows.toLowerCase(Locale.ROOT) + " to " + peer + " failed"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private List<P> claimed(Iterable<Row> claimedRows) {
        List<P> pending = new ArrayList<>();
        for (Row row : claimedRows) {
            pending.add(claimed.apply(row));
        }
        return pending;
    }

    /** Sends one row; answers whether it has to wait for another attempt. */
    private Uni<Boolean> send(P pending, OutboxSettings settings, Function<P, Uni<?>> send,
            Predicate<Throwable> neverAccepted) {
        return Uni.createFrom().deferred(() -> send.apply(pending))
                .chain(() -> db.statement(pool -> sql.delete(pool, pending.id())))
                .replaceWith(false)
                .onFailure(neverAccepted).call(refused -> {
                    log.warnf("%s refused %s: %s; it is dropped", peer, pending.label(), refused.getMessage());
                    return db.statement(pool -> sql.delete(pool, pending.id()));
                })
                .onFailure(neverAccepted).recoverWithItem(false)
                .onFailure().call(failure -> {
                    log.debugf("%s waits: %s", pending.label(), failure.getMessage());
                    return db.statement(pool -> sql.postpone(pool, pending.id(),
                            clock.instant().plus(backoff(settings, pending.attempts()))));
                })
                .onFailure().recoverWithItem(true);
    }

    private void reportWaiting(List<Boolean> results) {
        long waitingNow = results.stream().filter(Boolean::booleanValue).count();
        if (waitingNow > 0 && !waiting) {
            log.warnf("%d %s could not be sent to %s; they are kept and sent again with back-off", waitingNow,
                    rows.toLowerCase(Locale.ROOT), peer);
        } else if (waitingNow == 0 && waiting && !results.isEmpty()) {
            log.infof("%s reach %s again", rows, peer);
        }
        if (!results.isEmpty()) {
            waiting = waitingNow > 0;
        }
    }

    /** {@code min-backoff} after the first failed attempt, doubling, at most {@code max-backoff}. */
    private static Duration backoff(OutboxSettings settings, int attempts) {
        Duration wait = settings.minBackoff().multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 20));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
