package dev.flotilla.policy.client;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: counts the HTTP requests that reach the decision API and, on demand, makes
 * policy-service unavailable to them the ways a real outage does: the connection drops (a crashed
 * or restarting process), a 503 (an overloaded or failing one), or no answer for seconds (a slow one).
 * Other endpoints are untouched.
 */
@ApplicationScoped
public class PolicyServiceOutage {

    public enum Mode {
        NONE,
        CONNECTION_DROPPED,
        SERVER_ERROR,
        SLOW
    }

    /** Attempts that arrived, by request id: a retry carries the id of the request it repeats. */
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static volatile Mode mode = Mode.NONE;

    void install(@Observes Router router) {
        router.route("/api/v1/decisions*").order(Integer.MIN_VALUE).handler(rc -> {
            String requestId = rc.request().getHeader("X-Request-Id");
            ATTEMPTS.computeIfAbsent(requestId == null ? "-" : requestId, id -> new AtomicInteger()).incrementAndGet();
            switch (mode) {
                case NONE -> rc.next();
                case CONNECTION_DROPPED -> rc.request().connection().close();
                case SERVER_ERROR -> rc.response().setStatusCode(503).end();
                case SLOW -> rc.vertx().setTimer(3000, ignored -> {
                    if (!rc.response().ended() && !rc.response().closed()) {
                        rc.response().setStatusCode(503).end();
                    }
                });
            }
        });
    }

    /** Starts an outage of this kind. */
    public static void begin(Mode kind) {
        mode = kind;
    }

    /** Ends any outage and restarts the counts. */
    public static void end() {
        mode = Mode.NONE;
        ATTEMPTS.clear();
    }

    /** HTTP requests that reached the decision API since {@link #end()}, retries included. */
    public static int calls() {
        return ATTEMPTS.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /**
     * Distinct requests of callers (request ids) that reached the decision API since {@link #end()}:
     * whether a question was asked at all, however many attempts a slow machine made it take.
     */
    public static int requests() {
        return ATTEMPTS.size();
    }
}
