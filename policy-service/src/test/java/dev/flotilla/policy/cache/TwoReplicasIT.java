package dev.flotilla.policy.cache;

import dev.flotilla.postgres.LocalPostgres;
import dev.flotilla.testing.JwksServer;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.flotilla.policy.Api.policy;
import static dev.flotilla.policy.Api.question;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real replicas of the packaged service ({@code quarkus-run.jar}, two processes) share one
 * PostgreSQL. A policy changed through one changes the other's decisions as soon as the
 * LISTEN/NOTIFY invalidation arrives: the tenant TTL is an hour, so nothing else could explain it,
 * and the load counter shows the other replica answered from memory until then.
 */
class TwoReplicasIT {

    private static final String LOADS = "flotilla_policy_rule_set_loads_total";
    private static final Duration NOTIFICATION_DEADLINE = Duration.ofSeconds(5);

    private static Path work;
    private static LocalPostgres postgres;
    private static JwksServer jwks;
    private static Replica first;
    private static Replica second;

    private final UUID tenant = UUID.randomUUID();
    private final String adminReadsReport = question("a1", "[\"admin\"]", "read", "report", "r1", "{}");

    @BeforeAll
    static void startTwoReplicasOnOneDatabase() throws Exception {
        work = Path.of("target", "two-replicas").toAbsolutePath();
        Files.createDirectories(work);
        jwks = JwksServer.start(0);
        postgres = LocalPostgres.start(work, work.resolve("pg-" + UUID.randomUUID()), 0, true,
                work.resolve("postgres.log").toFile());
        postgres.prepare("flotilla");
        first = Replica.start("first");
        second = Replica.start("second");
        first.awaitReady();
        second.awaitReady();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        for (Replica replica : new Replica[] { first, second }) {
            if (replica != null) {
                replica.stop();
            }
        }
        if (jwks != null) {
            jwks.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aNewVersionSavedThroughOneReplicaChangesTheOthersDecisionWithoutWaitingForTheTtl() {
        String id = first.create(tenant, policy("reports", "frozen-read-nothing", "deny", "[\"*\"]", "[\"report\"]",
                "'frozen' in subject.roles"));
        assertEquals("ALLOW", second.decide(tenant, adminReadsReport));
        second.awaitAnsweringFromMemory(tenant, adminReadsReport);

        first.as(tenant, "admin").header("If-Match", "\"1\"")
                .body(policy("reports", "nobody-reads", "deny", "[\"*\"]", "[\"report\"]", null))
                .put("/api/v1/policies/" + id).then().statusCode(200);

        assertEquals("DENY", first.decide(tenant, adminReadsReport), "the replica that saved it applies it at once");
        double loadsBefore = second.loads();
        assertEquals("DENY", second.decisionWithin(NOTIFICATION_DEADLINE, tenant, adminReadsReport, "DENY"));
        assertTrue(second.loads() > loadsBefore, "the other replica reloaded the tenant's policies after the notification");
    }

    @Test
    void aRollbackThroughTheSecondReplicaReachesTheFirst() {
        String id = second.create(tenant, policy("reports", "nobody-reads", "deny", "[\"*\"]", "[\"report\"]", null));
        second.as(tenant, "admin").header("If-Match", "\"1\"")
                .body(policy("reports", "frozen-read-nothing", "deny", "[\"*\"]", "[\"report\"]", "'frozen' in subject.roles"))
                .put("/api/v1/policies/" + id).then().statusCode(200);
        assertEquals("ALLOW", first.decide(tenant, adminReadsReport));
        first.awaitAnsweringFromMemory(tenant, adminReadsReport);

        second.as(tenant, "admin").post("/api/v1/policies/" + id + "/versions/1/activate").then().statusCode(200);

        assertEquals("DENY", first.decisionWithin(NOTIFICATION_DEADLINE, tenant, adminReadsReport, "DENY"));
    }

    @Test
    void aPolicyDeletedThroughOneReplicaStopsApplyingOnTheOther() {
        String id = first.create(tenant, policy("reports", "nobody-reads", "deny", "[\"*\"]", "[\"report\"]", null));
        assertEquals("DENY", second.decide(tenant, adminReadsReport));
        second.awaitAnsweringFromMemory(tenant, adminReadsReport);

        first.as(tenant, "admin").delete("/api/v1/policies/" + id).then().statusCode(204);

        assertEquals("ALLOW", second.decisionWithin(NOTIFICATION_DEADLINE, tenant, adminReadsReport, "ALLOW"));
    }

    /** One process of the packaged service, on a free port, against the shared database. */
    private record Replica(String name, Process process, String baseUrl) {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private static final Pattern LOADS_SAMPLE = Pattern.compile("^" + LOADS + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);

        static Replica start(String name) throws IOException {
            Path jar = Path.of(System.getProperty("policy-service.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
            assertTrue(Files.isRegularFile(jar), jar + " is missing: run the integration tests with `verify`");
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-Xmx192m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve(name + ".log").toFile());
            var env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            env.put("FLOTILLA_DB_HOST", "localhost");
            env.put("FLOTILLA_DB_PORT", String.valueOf(postgres.port()));
            env.put("FLOTILLA_DB_NAME", "flotilla");
            env.put("FLOTILLA_DB_USER", LocalPostgres.SUPERUSER);
            env.put("FLOTILLA_DB_PASSWORD", "");
            env.put("FLOTILLA_AUTH_JWKS_URL", jwks.url());
            // Only a notification may make a replica drop its cached policies within the test.
            env.put("FLOTILLA_POLICY_CACHE_TENANT_TTL", "1h");
            return new Replica(name, builder.start(), "http://localhost:" + port);
        }

        void awaitReady() {
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                assertTrue(process.isAlive(),
                        () -> name + " replica exited with " + process.exitValue() + "; see " + work.resolve(name + ".log"));
                return get("/q/health/ready") == 200;
            });
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        RequestSpecification as(UUID tenant, String... roles) {
            return Requests.as(tenant, roles).baseUri(baseUrl);
        }

        String create(UUID tenant, String body) {
            return Responses.created(as(tenant, "admin").body(body).post("/api/v1/policies").then());
        }

        String decide(UUID tenant, String question) {
            return as(tenant, "service").body(question).post("/api/v1/decisions").then().statusCode(200).extract()
                    .path("decision");
        }

        /** Polls the decision until it is {@code expected}, failing after {@code deadline}. */
        String decisionWithin(Duration deadline, UUID tenant, String question, String expected) {
            return await().atMost(deadline).until(() -> decide(tenant, question), is(expected));
        }

        /**
         * Waits until decisions for the tenant come from memory: two decisions in a row that read
         * nothing from the database (right after start-up, until the replica listens for changes,
         * every decision reads it).
         */
        void awaitAnsweringFromMemory(UUID tenant, String question) {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                double before = loads();
                decide(tenant, question);
                decide(tenant, question);
                return loads() == before;
            });
        }

        /** How many times this replica has read a tenant's policies from the database. */
        double loads() {
            Matcher sample = LOADS_SAMPLE.matcher(given().baseUri(baseUrl).get("/q/metrics").then().statusCode(200)
                    .extract().asString());
            assertTrue(sample.find(), LOADS + " is not exported");
            return Double.parseDouble(sample.group(2));
        }

        private int get(String path) {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
