package dev.flotilla.common.db;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** While the database cannot be reached: 503 with Retry-After, one WARN line per outage, a counter, a quiet probe. */
@QuarkusTest
@TestProfile(UnreachableDatabase.class)
class DatabaseOutageTest {

    private static final List<LogRecord> RECORDS = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            RECORDS.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static final Pattern COUNTER = Pattern
            .compile("(?m)^flotilla_dependency_unavailable_total\\{[^}]*dependency=\"database\"[^}]*} ([0-9.E]+)$");

    @BeforeAll
    static void captureLogs() {
        Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void stopCapturing() {
        Logger.getLogger("").removeHandler(CAPTURE);
    }

    @Test
    void workThatNeedsTheDatabaseIs503WithRetryAfter() {
        given().post("/api/v1/statements").then()
                .spec(Problems.serviceUnavailable())
                .header("Retry-After", matchesPattern("[1-9][0-9]?"));
    }

    @Test
    void anOutageIsLoggedOnceAtWarnWithoutStackTracesAndEveryRefusalIsCounted() {
        double before = refusals();
        for (int i = 0; i < 5; i++) {
            given().post("/api/v1/statements").then().statusCode(503);
        }
        assertEquals(before + 5, refusals());
        List<LogRecord> outages = RECORDS.stream()
                .filter(r -> r.getLoggerName().equals(DatabaseOutage.class.getName()))
                .toList();
        assertEquals(1, outages.size(), "one line for the outage, not one per request: " + messages(outages));
        assertEquals(Level.WARNING.intValue(), outages.get(0).getLevel().intValue());
        assertTrue(errorsOfTheSharedModule().isEmpty(), "nothing logged at ERROR: " + messages(errorsOfTheSharedModule()));
        assertTrue(RECORDS.stream().noneMatch(r -> r.getThrown() != null && r.getLoggerName().startsWith("dev.flotilla")),
                "no stack trace logged");
    }

    @Test
    void readinessIsDownAndEveryProbeIsQuiet() {
        for (int i = 0; i < 3; i++) {
            when().get("/q/health/ready").then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'database' }.status", is("DOWN"));
        }
        assertTrue(RECORDS.stream().noneMatch(r -> String.valueOf(r.getMessage()).contains("already complete")
                || r.getThrown() != null && String.valueOf(r.getThrown().getMessage()).contains("already complete")),
                "a probe logged: " + messages(RECORDS));
        assertTrue(errorsOfTheSharedModule().isEmpty(), "nothing logged at ERROR: " + messages(errorsOfTheSharedModule()));
    }

    private static List<LogRecord> errorsOfTheSharedModule() {
        return RECORDS.stream()
                .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(r -> r.getLoggerName().startsWith("dev.flotilla.common.error")
                        || r.getLoggerName().startsWith("dev.flotilla.common.db")
                        || r.getLoggerName().startsWith("io.smallrye.health"))
                .toList();
    }

    private static double refusals() {
        String metrics = when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = COUNTER.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static List<String> messages(List<LogRecord> records) {
        return records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " / " + r.getThrown())).toList();
    }
}
