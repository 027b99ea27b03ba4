package dev.flotilla.common.db;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state of the database as the service's requests find it. While it cannot be reached,
 * work that needs it is refused with a 503 ({@link #RETRY_AFTER}); the outage is logged once at
 * WARN when it begins and once when it ends, and every refused operation is counted in
 * {@code flotilla_dependency_unavailable_total{dependency="database"}}, so that an outage under
 * load costs two log lines, not one stack trace per request. The end is noticed by the next
 * statement that succeeds: the readiness check, or a probe this class runs every
 * {@link #PROBE_INTERVAL} while the outage lasts.
 */
@ApplicationScoped
public class DatabaseOutage {

    /** What a client is told to wait before retrying ({@code Retry-After}). */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);
    static final String METRIC = "flotilla.dependency.unavailable";

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final AtomicLong refusedSince = new AtomicLong();
    private final Counter refused;
    private final ReachabilitySql sql;
    private final Vertx vertx;

    DatabaseOutage(MeterRegistry registry, ReachabilitySql sql, Vertx vertx) {
        this.refused = Counter.builder(METRIC)
                .tag("dependency", "database")
                .description("Operations refused because a dependency of the service could not be reached")
                .register(registry);
        this.sql = sql;
        this.vertx = vertx;
    }

    /** Records that work was refused because of {@code failure}, one of {@link DatabaseFailures#isUnavailable}. */
    public void refused(Throwable failure) {
        refused.increment();
        refusedSince.incrementAndGet();
        unreachable(failure);
    }

    /**
     * Records that the database could not be reached, without work refused because of it (a
     * readiness probe); begins the outage, if it is not known yet.
     */
    public void unreachable(Throwable failure) {
        if (since.compareAndSet(null, Instant.now())) {
            LOG.warnf("The database cannot be reached (%s); work that needs it answers 503 until it answers again",
                    describe(failure));
            probeLater();
        }
    }

    /**
     * Logs the failure of a background job's run: an unreachable database joins the outage (logged
     * once for all of it), anything else is logged at WARN with its cause as {@code what}.
     */
    public void jobFailed(Logger log, Throwable failure, String what) {
        if (DatabaseFailures.isUnavailable(failure)) {
            refused(failure);
        } else {
            log.warn(what, failure);
        }
    }

    /** Records that the database answered; ends the outage, if there was one. */
    public void answered() {
        Instant began = since.getAndSet(null);
        if (began != null) {
            LOG.warnf("The database answers again after %d s of outage; %d operations were refused meanwhile",
                    Duration.between(began, Instant.now()).toSeconds(), refusedSince.getAndSet(0));
        }
    }

    /** Whether the database could not be reached the last time it was needed. */
    public boolean ongoing() {
        return since.get() != null;
    }

    private void probeLater() {
        vertx.setTimer(PROBE_INTERVAL.toMillis(), timer -> sql.ping().subscribe().with(ok -> answered(), failure -> {
            if (ongoing()) {
                probeLater();
            }
        }));
    }

    /** The failure's innermost message, which names the cause (e.g. the refused address), without a stack trace. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
