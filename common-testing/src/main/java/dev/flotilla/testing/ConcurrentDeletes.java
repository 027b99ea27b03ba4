package dev.flotilla.testing;

import io.restassured.response.Response;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * Deletes of one resource raced against each other, as clients that retry or double-click do:
 * exactly one of them deletes it ({@code 204}), every other one finds it gone (a {@code 404}
 * problem), none hangs and none fails, and no database connection is left inside a transaction
 * (which would hold the row's lock, so that every later write of the row waits for ever).
 *
 * <pre>{@code
 * ConcurrentDeletes.oneWinsTheOthersAreNotFound(() -> admin(tenant).delete("/api/v1/widgets/" + id), 4);
 * ConcurrentDeletes.noConnectionIsLeftInATransaction();
 * }</pre>
 */
public final class ConcurrentDeletes {

    /** How long one delete may take before it counts as hung. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);
    /** How long a transaction may take to end after the last answer before it counts as leaked. */
    private static final Duration TRANSACTIONS_END_WITHIN = Duration.ofSeconds(3);
    private static final String NOT_FOUND_TYPE = "urn:flotilla:problem:not-found";

    private ConcurrentDeletes() {
    }

    /**
     * Sends {@code delete} from {@code callers} threads at once and asserts that one answer is
     * {@code 204} and all others are {@code 404} {@code not-found} problems, each within 20 s.
     *
     * @param delete sends the delete request (e.g. {@code () -> admin(tenant).delete(path)}); called once per caller
     * @param callers how many deletes race (at least 2)
     */
    public static void oneWinsTheOthersAreNotFound(Supplier<Response> delete, int callers) {
        if (callers < 2) {
            throw new IllegalArgumentException("a race needs at least two callers, not " + callers);
        }
        ExecutorService threads = Executors.newFixedThreadPool(callers, runnable -> {
            Thread thread = new Thread(runnable, "concurrent-delete");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return delete.get();
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            int deleted = 0;
            int notFound = 0;
            for (Future<Response> answer : answers) {
                Response response = answerOf(answer);
                String type = problemType(response);
                outcomes.add(response.statusCode() + (type == null ? "" : " " + type));
                if (response.statusCode() == 204) {
                    deleted++;
                } else if (response.statusCode() == 404 && NOT_FOUND_TYPE.equals(type)
                        && response.contentType().startsWith(Problems.PROBLEM_JSON)) {
                    notFound++;
                }
            }
            if (deleted != 1 || notFound != callers - 1) {
                throw new AssertionError(callers + " concurrent deletes of one resource must answer one 204 and "
                        + (callers - 1) + " 404 " + NOT_FOUND_TYPE + ", but answered " + outcomes);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Asserts that no connection of the service's database user to its database stays
     * {@code idle in transaction} (aborted or not), using the service's own JDBC configuration
     * ({@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username} and
     * {@code quarkus.datasource.password}). Call it from a {@code @QuarkusTest}, after the requests.
     */
    public static void noConnectionIsLeftInATransaction() {
        Config config = ConfigProvider.getConfig();
        noConnectionIsLeftInATransaction(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(""),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /**
     * Asserts that no connection of {@code user} to the database of {@code jdbcUrl} (other than
     * the one asking) stays {@code idle in transaction} for more than 3 s; the failure lists the
     * last statement of each such connection.
     */
    public static void noConnectionIsLeftInATransaction(String jdbcUrl, String user, String password) {
        List<String> leaked = new ArrayList<>();
        try {
            await().atMost(TRANSACTIONS_END_WITHIN).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        leaked.clear();
                        leaked.addAll(idleInTransaction(jdbcUrl, user, password));
                        return leaked.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("connections left idle in a transaction (their last statements): " + leaked, e);
        }
    }

    private static List<String> idleInTransaction(String jdbcUrl, String user, String password) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select state, query from pg_stat_activity
                        where datname = current_database() and usename = current_user
                          and pid <> pg_backend_pid() and state like 'idle in transaction%'
                        """)) {
            while (rows.next()) {
                statements.add(rows.getString(1) + ": " + rows.getString(2));
            }
        }
        return statements;
    }

    private static Response answerOf(Future<Response> answer) {
        try {
            return answer.get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("a concurrent delete did not answer within " + ANSWER_WITHIN.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new AssertionError("a concurrent delete could not be sent", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the concurrent deletes", e);
        }
    }

    private static String problemType(Response response) {
        String contentType = response.contentType();
        if (contentType == null || !contentType.startsWith(Problems.PROBLEM_JSON)) {
            return null;
        }
        return response.jsonPath().getString("type");
    }
}
