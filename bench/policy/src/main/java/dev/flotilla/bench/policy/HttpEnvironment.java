package dev.flotilla.bench.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.policy.evaluation.Decision;
import dev.flotilla.policy.evaluation.PolicyCompiler;
import dev.flotilla.policy.evaluation.RuleDefinition;
import dev.flotilla.policy.evaluation.RuleSet;
import dev.flotilla.postgres.LocalPostgres;
import dev.flotilla.testing.JwksServer;
import dev.flotilla.testing.TestTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * What the HTTP scenario runs against, started for it and stopped on SIGTERM: an embedded
 * PostgreSQL, a JWKS endpoint standing in for auth-service, and policy-service from its packaged
 * jar. It loads one tenant's mixed rule set (100 policies × 10 rules) through the API, checks that
 * the service answers every question of the pool as the in-process evaluation does, and writes
 * what the load generator needs into the work directory:
 * <ul>
 * <li>{@code token}: a service token of the tenant;</li>
 * <li>{@code single.jsonl}: one decision request per line;</li>
 * <li>{@code batch.jsonl}: one batch of 100 requests per line;</li>
 * <li>{@code mix}: the share of ALLOW answers in the pool;</li>
 * <li>{@code service.pid}: the process id of policy-service, whose CPU time the run reads.</li>
 * </ul>
 * Then it prints {@code READY} and serves until stopped.
 *
 * <pre>
 * HttpEnvironment &lt;service jar&gt; &lt;work dir&gt; &lt;service port&gt; &lt;jwks port&gt; &lt;postgres port&gt;
 * </pre>
 *
 * The service's JVM options come from {@code BENCH_SERVICE_JAVA_OPTS}.
 */
public final class HttpEnvironment {

    static final int BATCH = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpEnvironment() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: HttpEnvironment <service jar> <work dir> <service port> <jwks port> <postgres port>");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        int servicePort = Integer.parseInt(args[2]);
        Files.createDirectories(work);

        JwksServer jwks = JwksServer.start(Integer.parseInt(args[3]));
        LocalPostgres postgres = LocalPostgres.start(work, work.resolve("pgdata-" + UUID.randomUUID()),
                Integer.parseInt(args[4]),
                true, work.resolve("postgres.log").toFile());
        Process[] service = new Process[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(service[0], jwks, postgres)));
        postgres.prepare("flotilla");
        service[0] = startService(jar, work, servicePort, postgres.port(), jwks.url());
        String base = "http://localhost:" + servicePort;
        awaitReady(base, service[0]);

        UUID tenant = UUID.randomUUID();
        String admin = TestTokens.longLived(tenant, "admin");
        Map<String, List<RuleDefinition>> policies = Workload.mixedPolicies();
        for (var policy : policies.entrySet()) {
            ObjectNode body = JSON.createObjectNode().put("name", policy.getKey()).put("description", "benchmark rule set");
            body.set("rules", JSON.valueToTree(policy.getValue()));
            send(base, admin, "POST", "/api/v1/policies", body.toString(), 201);
        }
        int loaded = send(base, admin, "GET", "/api/v1/policies?limit=500", null, 200).get("items").size();
        if (loaded != Workload.POLICIES) {
            throw new IllegalStateException("the tenant has " + loaded + " policies, not " + Workload.POLICIES);
        }

        String token = TestTokens.longLived(tenant, "service");
        List<Workload.Question> questions = Workload.questions(EvaluationBenchmark.QUESTIONS, EvaluationBenchmark.SEED);
        List<String> singles = new ArrayList<>();
        List<String> batches = new ArrayList<>();
        ArrayNode batch = JSON.createArrayNode();
        for (Workload.Question question : questions) {
            JsonNode request = JSON.valueToTree(question.toRequest());
            singles.add(request.toString());
            batch.add(request);
            if (batch.size() == BATCH) {
                batches.add(JSON.createObjectNode().set("requests", batch).toString());
                batch = JSON.createArrayNode();
            }
        }
        double allowShare = checkAgainstInProcess(base, token, batches, questions);
        Files.writeString(work.resolve("token"), token);
        Files.write(work.resolve("single.jsonl"), singles);
        Files.write(work.resolve("batch.jsonl"), batches);
        Files.writeString(work.resolve("mix"), "%.1f".formatted(100 * allowShare));
        Files.writeString(work.resolve("service.pid"), String.valueOf(service[0].pid()));
        System.out.printf("READY %s: %d policies x %d rules loaded; %.1f%% of the %d questions are allowed%n", base,
                loaded, Workload.RULES_PER_POLICY, 100 * allowShare, questions.size());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /**
     * Asks every question over HTTP and compares with the in-process evaluation the JMH scenario
     * measures; the share of ALLOW answers.
     */
    private static double checkAgainstInProcess(String base, String token, List<String> batches,
            List<Workload.Question> questions)
            throws IOException, InterruptedException {
        RuleSet local = EvaluationBenchmark.compile(new PolicyCompiler(), Workload.mixedPolicies());
        int allowed = 0;
        int index = 0;
        for (String body : batches) {
            for (JsonNode result : send(base, token, "POST", "/api/v1/decisions/batch", body, 200).get("results")) {
                Decision expected = local.evaluate(questions.get(index).toRequest(), Instant.now()).decision();
                String actual = result.get("decision").asText();
                if (!expected.name().equals(actual)) {
                    throw new IllegalStateException(
                            "question " + index + ": the service says " + actual + ", in-process " + expected);
                }
                allowed += expected == Decision.ALLOW ? 1 : 0;
                index++;
            }
        }
        return (double) allowed / questions.size();
    }

    private static Process startService(Path jar, Path work, int port, int postgresPort, String jwksUrl) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv().getOrDefault("BENCH_SERVICE_JAVA_OPTS", "");
        if (!options.isBlank()) {
            command.addAll(Arrays.asList(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("policy-service.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("FLOTILLA_DB_HOST", "localhost");
        env.put("FLOTILLA_DB_PORT", String.valueOf(postgresPort));
        env.put("FLOTILLA_DB_NAME", "flotilla");
        env.put("FLOTILLA_DB_USER", LocalPostgres.SUPERUSER);
        env.put("FLOTILLA_DB_PASSWORD", "");
        env.put("FLOTILLA_AUTH_JWKS_URL", jwksUrl);
        // Exactly the 100 policies of the workload: no default policy for the tenant.
        env.put("FLOTILLA_POLICY_DEFAULT_POLICY", "false");
        return builder.start();
    }

    private static void awaitReady(String base, Process service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException(
                        "policy-service exited with " + service.exitValue() + "; see policy-service.log");
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("policy-service was not ready within 120 s");
    }

    private static JsonNode send(String base, String token, String method, String path, String body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void stop(Process service, JwksServer jwks, LocalPostgres postgres) {
        try {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            jwks.close();
            postgres.close();
        } catch (IOException | InterruptedException e) {
            System.err.println("stopping the environment: " + e);
        }
    }
}
