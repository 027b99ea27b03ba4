package dev.flotilla.suite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite as a developer runs it: {@code ./flotilla up}, the eight services and the embedded
 * PostgreSQL as real processes, {@code ./flotilla down}, and {@code up} again on the same data.
 *
 * <p>
 * It runs in its own state directory ({@code target/suite-home}) on ports 18081-18088 and a
 * free PostgreSQL port, so a suite a developer has running on the default ports is left alone.
 * The methods are one lifecycle, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Applies to each method: a cold start of the whole suite takes tens of seconds on two cores.
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SuiteLifecycleTest {

    private static final int PORT_BASE = 18080;
    private static final List<String> SERVICES = List.of(
            "auth", "policy", "search", "conversation", "task", "notification", "config", "health");
    private static final Duration LAUNCHER_TIMEOUT = Duration.ofMinutes(8);
    private static final String DATABASE = "flotilla";
    private static final Pattern FIRST_ADMIN = Pattern
            .compile("First administrator created: tenant=default email=(\\S+) password=(\\S+)");

    private Path repo;
    private Path launcher;
    private Path home;
    private int pgPort;
    private final String marker = "suite-" + UUID.randomUUID();

    /** The processes of the first {@code up}, by pid file name. */
    private final Map<String, Long> firstPids = new HashMap<>();
    /** What the first {@code up} printed. */
    private LauncherRun firstUp;
    /** An access token of the first administrator. */
    private String adminToken;

    @BeforeAll
    void freshStateDirectory() throws Exception {
        repo = Path.of(System.getProperty("flotilla.suite.repo", "..")).toAbsolutePath().normalize();
        launcher = repo.resolve("flotilla");
        assertTrue(Files.isExecutable(launcher), "the launcher is missing or not executable: " + launcher);
        home = repo.resolve("suite-tests/target/suite-home");
        pgPort = freePort();
        // A run that was killed may have left its suite running: stop it before starting over.
        if (Files.isDirectory(home)) {
            flotilla("down");
            deleteRecursively(home);
        }
        Files.createDirectories(home);
    }

    @AfterAll
    void nothingIsLeftRunning() {
        // Also after a failure: no process of this suite may outlive the build.
        if (home != null && Files.isDirectory(home)) {
            flotilla("down");
        }
    }

    @Test
    @Order(1)
    void upStartsAllEightServicesReady() {
        LauncherRun up = flotilla("up");
        firstUp = up;

        assertEquals(0, up.exitCode(), "./flotilla up failed:\n" + up.output());
        firstPids.putAll(pidFiles());
        assertThat(firstPids.keySet(), hasItems(SERVICES.stream().map(s -> s + "-service").toArray(String[]::new)));
        assertThat(firstPids.keySet(), hasItems("postgres"));
        for (String service : SERVICES) {
            given().port(port(service))
                    .when().get("/q/health/ready")
                    .then().statusCode(200);
        }
    }

    @Test
    @Order(2)
    void everyServiceRejectsACallWithoutAToken() {
        for (String service : SERVICES) {
            given().port(port(service))
                    .when().get("/api/v1/caller")
                    .then().statusCode(401)
                    .header("Content-Type", startsWith("application/problem+json"))
                    .body("type", is("urn:flotilla:problem:unauthorized"));
        }
    }

    @Test
    @Order(3)
    void theFirstUpPrintsAnAdministratorWhoseTokenEveryServiceAccepts() {
        Matcher admin = FIRST_ADMIN.matcher(firstUp.output());
        assertTrue(admin.find(), "the first up did not print the first administrator:\n" + firstUp.output());

        String token = given().port(port("auth"))
                .contentType("application/json")
                .body(Map.of("tenant", "default", "email", admin.group(1), "password", admin.group(2)))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200)
                .extract().path("accessToken");
        adminToken = token;
        for (String service : SERVICES) {
            given().port(port(service))
                    .auth().oauth2(token)
                    .when().get("/api/v1/caller")
                    .then().statusCode(200)
                    .body("roles", hasItem("admin"));
        }
    }

    @Test
    @Order(4)
    void statusShowsEveryServiceUpAndReady() {
        LauncherRun status = flotilla("status");

        assertEquals(0, status.exitCode(), status.output());
        for (String service : SERVICES) {
            String line = status.lines().stream()
                    .filter(l -> l.startsWith(service + "-service "))
                    .findFirst().orElseThrow(() -> new AssertionError("no line for " + service + ":\n" + status.output()));
            String[] columns = line.trim().split("\\s+"); // SERVICE STATE PID PORT READY
            assertEquals("up", columns[1], line);
            assertEquals("yes", columns[columns.length - 1], line);
        }
    }

    @Test
    @Order(5)
    void healthServiceSeesEveryServiceOfTheSuiteUp() {
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<Map<String, Object>> targets = given().port(port("health")).auth().oauth2(adminToken)
                    .when().get("/api/v1/status")
                    .then().statusCode(200)
                    .extract().jsonPath().getList("targets");
            for (String service : SERVICES) {
                Map<String, Object> target = targets.stream().filter(t -> (service + "-service").equals(t.get("name")))
                        .findFirst().orElseThrow(() -> new AssertionError("no target for " + service + ": " + targets));
                assertEquals("UP", target.get("state"), target.toString());
            }
        });
    }

    /**
     * A second health-service replica on the same database: the two share the targets (each checks some), no target is
     * checked twice in an interval, and when the second is killed the first checks all of them from their next turn.
     */
    @Test
    @Order(6)
    void twoHealthReplicasShareTheTargetsAndOneTakesThemAllWhenTheOtherDies() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(given().port(port("health")).auth().oauth2(adminToken).contentType("application/json")
                    .body(Map.of("name", "shared-" + i, "url", "http://localhost:" + port("policy") + "/q/health/live",
                            "interval", "5s", "timeout", "2s"))
                    .when().post("/api/v1/targets")
                    .then().statusCode(201)
                    .extract().path("id"));
        }
        int replicaPort = freePort();
        Process replica = startHealthReplica(replicaPort);
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .untilAsserted(() -> given()
                            .port(replicaPort).when().get("/q/health/ready").then().statusCode(200));
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                assertTrue(checksMade(replicaPort) > 0, "the second replica checks none");
                assertTrue(checksMade(port("health")) > 0, "the first replica checks none");
            });
            Thread.sleep(Duration.ofSeconds(20).toMillis());
        } finally {
            replica.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        long killedAt = System.currentTimeMillis();

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (String id : ids) {
                List<Long> times = checkTimes(id);
                assertTrue(times.stream().filter(at -> at > killedAt).count() >= 2, "not checked since: " + id);
            }
        });
        for (String id : ids) {
            List<Long> times = checkTimes(id);
            for (int i = 1; i < times.size(); i++) {
                assertTrue(times.get(i) - times.get(i - 1) >= 2_500, "checked twice in an interval: " + id + " " + times);
            }
        }
    }

    /** Starts health-service once more, as the launcher starts it but on {@code port}; not one of the suite's processes. */
    private Process startHealthReplica(int port) throws IOException {
        String secret = Files.readAllLines(home.resolve("service-clients")).stream()
                .filter(line -> line.startsWith("health-service=")).map(line -> line.substring("health-service=".length()))
                .findFirst().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder("java", "-XX:+UseSerialGC", "-Xmx160m", "-XX:TieredStopAtLevel=1",
                "-jar", repo.resolve("health-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("health-replica.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("FLOTILLA_") || key.startsWith("QUARKUS_"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("FLOTILLA_DB_HOST", "localhost");
        env.put("FLOTILLA_DB_PORT", Integer.toString(pgPort));
        env.put("FLOTILLA_DB_NAME", DATABASE);
        env.put("FLOTILLA_DB_USER", "postgres");
        env.put("FLOTILLA_DB_PASSWORD", "");
        env.put("FLOTILLA_AUTH_JWKS_URL", "http://localhost:" + port("auth") + "/.well-known/jwks.json");
        env.put("FLOTILLA_AUTH_ISSUER", "http://localhost:" + port("auth"));
        env.put("FLOTILLA_AUTH_URL", "http://localhost:" + port("auth"));
        SERVICES.forEach(service -> env.put("FLOTILLA_" + service.toUpperCase() + "_URL",
                "http://localhost:" + port(service)));
        env.put("FLOTILLA_HEALTH_ALLOWED_NETWORKS", "127.0.0.0/8");
        env.put("FLOTILLA_SERVICE_CLIENT_ID", "health-service");
        env.put("FLOTILLA_SERVICE_CLIENT_SECRET", secret);
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        return builder.start();
    }

    /** How many checks the replica listening on {@code port} has made, from its metrics. */
    private static double checksMade(int port) {
        String metrics = given().port(port).when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("flotilla_health_check_duration_seconds_count"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The times (epoch milliseconds) of a target's checks, oldest first. */
    private List<Long> checkTimes(String id) {
        List<String> times = given().port(port("health")).auth().oauth2(adminToken).queryParam("limit", 200)
                .when().get("/api/v1/targets/" + id + "/results")
                .then().statusCode(200)
                .extract().jsonPath().getList("items.at");
        return times.stream().map(at -> Instant.parse(at).toEpochMilli()).sorted().toList();
    }

    @Test
    @Order(7)
    void upWhileRunningLeavesTheRunningProcessesAlone() {
        LauncherRun again = flotilla("up");

        assertEquals(0, again.exitCode(), again.output());
        assertEquals(firstPids, pidFiles(), "up restarted a running process");
    }

    @Test
    @Order(8)
    void aRowCanBeWrittenToTheSuitesDatabase() throws SQLException {
        try (Connection db = database(); Statement statement = db.createStatement()) {
            statement.execute("create schema if not exists suite_tests");
            statement.execute("create table if not exists suite_tests.marker (value text primary key)");
            try (PreparedStatement insert = db.prepareStatement("insert into suite_tests.marker (value) values (?)")) {
                insert.setString(1, marker);
                assertEquals(1, insert.executeUpdate());
            }
        }
    }

    /**
     * The database crashes under a write loop (SIGKILL of the postmaster, while its JVM still
     * runs: stopped so that it cannot notice first): {@code up} starts it again and leaves the
     * running services alone, and every task creation answered 201 before the crash is there.
     */
    @Test
    @Order(9)
    void upRestartsAKilledDatabaseAndNoAcknowledgedWriteIsLost() throws Exception {
        Matcher admin = FIRST_ADMIN.matcher(firstUp.output());
        assertTrue(admin.find(), "the first up did not print the first administrator");
        String token = given().port(port("auth"))
                .contentType("application/json")
                .body(Map.of("tenant", "default", "email", admin.group(1), "password", admin.group(2)))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200)
                .extract().path("accessToken");
        Map<String, Long> before = pidFiles();

        List<String> acknowledged = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Thread writer = new Thread(() -> {
            for (int n = 0; !stop.get(); n++) {
                HttpRequest create = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port("task") + "/api/v1/tasks"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"suite-crash\",\"payload\":{\"n\":" + n + "}}"))
                        .build();
                try {
                    HttpResponse<Void> answer = http.send(create, HttpResponse.BodyHandlers.discarding());
                    if (answer.statusCode() == 201) {
                        String location = answer.headers().firstValue("Location").orElseThrow();
                        synchronized (acknowledged) {
                            acknowledged.add(location.substring(location.lastIndexOf('/') + 1));
                        }
                    }
                } catch (IOException e) {
                    // the database is down: the service answers an error, or nothing
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "suite-crash-writer");
        writer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count(acknowledged) < 50 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long jvm = before.get("postgres");
        long postmaster = postmasterPid();
        signal("STOP", jvm);
        signal("KILL", postmaster);
        Thread.sleep(1000); // the write loop meets the dead database
        Thread resume = new Thread(() -> {
            try {
                Thread.sleep(3000); // up has found the JVM running but its server gone
                signal("CONT", jvm);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        resume.start();
        LauncherRun up;
        try {
            up = flotilla("up");
        } finally {
            resume.join();
            signal("CONT", jvm);
        }
        stop.set(true);
        writer.join(TimeUnit.SECONDS.toMillis(30));

        assertEquals(0, up.exitCode(), "./flotilla up did not recover the database:\n" + up.output());
        Map<String, Long> after = pidFiles();
        for (String service : SERVICES) {
            assertEquals(before.get(service + "-service"), after.get(service + "-service"),
                    service + "-service was restarted although it ran");
        }
        assertTrue(!running(postmaster) && !running(jvm), "the crashed database's processes still run");
        List<String> ids;
        synchronized (acknowledged) {
            ids = List.copyOf(acknowledged);
        }
        assertTrue(ids.size() >= 50, "task creations answered 201 before the crash: " + ids.size());
        List<String> lost = new ArrayList<>();
        for (String id : ids) {
            int status = given().port(port("task")).auth().oauth2(token)
                    .when().get("/api/v1/tasks/" + id)
                    .then().extract().statusCode();
            if (status != 200) {
                lost.add(id + " (" + status + ")");
            }
        }
        assertThat("task creations answered 201 and then lost, of " + ids.size(), lost, empty());
    }

    private static int count(List<String> list) {
        synchronized (list) {
            return list.size();
        }
    }

    /** Sends a signal (STOP, CONT, KILL) to a process. */
    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @Order(10)
    void downStopsEveryProcessOfTheSuite() {
        Map<String, Long> pids = pidFiles();
        long postmaster = postmasterPid();
        assertTrue(postmaster > 0, "no postmaster.pid in " + home.resolve("pgdata"));

        LauncherRun down = flotilla("down");

        assertEquals(0, down.exitCode(), down.output());
        assertNothingRuns(pids, postmaster);
    }

    @Test
    @Order(11)
    void upAfterDownKeepsTheData() throws SQLException {
        LauncherRun up = flotilla("up");
        firstUp = up;

        assertEquals(0, up.exitCode(), "./flotilla up failed:\n" + up.output());
        for (String service : SERVICES) {
            given().port(port(service))
                    .when().get("/q/health/ready")
                    .then().statusCode(200);
        }
        try (Connection db = database();
                PreparedStatement select = db.prepareStatement("select count(*) from suite_tests.marker where value = ?")) {
            select.setString(1, marker);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(1, rows.getInt(1), "the marker row did not survive down and up");
            }
        }
    }

    @Test
    @Order(12)
    void downAgainLeavesNothingRunning() {
        Map<String, Long> pids = pidFiles();
        long postmaster = postmasterPid();

        LauncherRun down = flotilla("down");

        assertEquals(0, down.exitCode(), down.output());
        assertNothingRuns(pids, postmaster);
    }

    // ---------------------------------------------------------------------------------------

    private void assertNothingRuns(Map<String, Long> pids, long postmaster) {
        List<String> alive = new ArrayList<>();
        pids.forEach((name, pid) -> {
            if (running(pid)) {
                alive.add(name + " (pid " + pid + ")");
            }
        });
        if (postmaster > 0 && running(postmaster)) {
            alive.add("postmaster (pid " + postmaster + ")");
        }
        assertThat("processes still running after down", alive, empty());
        assertFalse(Files.exists(home.resolve("pgdata/postmaster.pid")), "postmaster.pid left behind");
        assertThat("processes whose command line names " + home, processesMentioning(home.toString()), empty());
    }

    private int port(String service) {
        return PORT_BASE + SERVICES.indexOf(service) + 1;
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/" + DATABASE, "postgres", "");
    }

    /** The launcher's pid files: name (auth-service, ..., postgres) to pid. */
    private Map<String, Long> pidFiles() {
        Map<String, Long> pids = new HashMap<>();
        Path run = home.resolve("run");
        if (!Files.isDirectory(run)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                pids.put(name, Long.parseLong(Files.readString(file).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    private long postmasterPid() {
        Path file = home.resolve("pgdata/postmaster.pid");
        try {
            return Files.exists(file) ? Long.parseLong(Files.readAllLines(file).get(0).trim()) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a process runs. One that has exited but was not reaped yet (a zombie: where the
     * container's init does not reap promptly) does not.
     */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }

    /** Running processes whose command line contains {@code text}, as "pid: command line". */
    private static Set<String> processesMentioning(String text) {
        Set<String> found = new TreeSet<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid == self) {
                    continue;
                }
                String commandLine;
                try {
                    commandLine = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                } catch (IOException ended) {
                    continue;
                }
                if (commandLine.contains(text) && running(pid)) {
                    found.add(pid + ": " + commandLine);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Runs {@code ./flotilla <command>} for this test's suite; its output goes to the test log. */
    private LauncherRun flotilla(String command) {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), command)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        // Only this test's settings: a developer's FLOTILLA_* or QUARKUS_* would point the suite
        // elsewhere (an external database, other ports, another token issuer).
        env.keySet().removeIf(key -> key.startsWith("FLOTILLA_") || key.startsWith("QUARKUS_"));
        env.put("FLOTILLA_HOME", home.toString());
        env.put("FLOTILLA_PORT_BASE", Integer.toString(PORT_BASE));
        env.put("FLOTILLA_PG_PORT", Integer.toString(pgPort));

        System.out.println("$ FLOTILLA_HOME=" + home + " FLOTILLA_PORT_BASE=" + PORT_BASE
                + " FLOTILLA_PG_PORT=" + pgPort + " ./flotilla " + command);
        List<String> lines = new ArrayList<>();
        try {
            Process process = builder.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        System.out.println("[flotilla " + command + "] " + line);
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "flotilla-" + command + "-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(LAUNCHER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("./flotilla " + command + " did not finish within " + LAUNCHER_TIMEOUT);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            synchronized (lines) {
                return new LauncherRun(process.exitValue(), List.copyOf(lines));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running ./flotilla " + command, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private record LauncherRun(int exitCode, List<String> lines) {
        String output() {
            return String.join("\n", lines);
        }
    }
}
