package dev.flotilla.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.postgres.LocalPostgres;
import dev.flotilla.testing.JwksServer;
import dev.flotilla.testing.TestTokens;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The figures of search-service in one run:
 * <ol>
 * <li>starts an embedded PostgreSQL, a JWKS endpoint and search-service (its packaged jar) on ports
 * 32000-32999, unless {@code --url} and {@code --token} name a running service;</li>
 * <li>ranking: loads a BEIR-format collection (scifact) through the NDJSON import, runs every judged
 * query for each title weight asked for, runs Lucene BM25 ({@code EnglishAnalyzer}) on the same
 * data, and computes nDCG@10 and recall@100;</li>
 * <li>scale: imports {@code --scale} generated documents of about 1 KB ({@link SyntheticCorpus}) and
 * reports documents/s, then loads the service with wrk from a separate process (scifact's queries
 * and short title queries, limit 10, snippets on) and reports p50/p99 latency and searches/s;</li>
 * <li>prints the tables and appends them to {@code RESULTS.md}.</li>
 * </ol>
 */
public final class SearchBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int IMPORT_REQUEST_DOCUMENTS = 5000;
    private static final int SHORT_QUERIES = 700;
    /** CPU seconds used so far by the service and by PostgreSQL; null when the service is not ours. */
    private static java.util.function.Supplier<double[]> cpu = () -> null;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path data = Path.of(options.getOrDefault("data", System.getenv().getOrDefault("SCIFACT_DIR", "")));
        if (!Files.isRegularFile(data.resolve("corpus.jsonl"))) {
            System.err.println(
                    "usage: bench/search/run --data <dir with corpus.jsonl, queries.jsonl, qrels.tsv> [--weights 1,2,3] "
                            + "[--scale 100000] [--seconds 30] [--connections 4] [--ranking off] [--jar <quarkus-run.jar>] [--url <base> --token <jwt>]");
            System.exit(2);
        }
        Ranking.Dataset dataset = Ranking.Dataset.read(data);
        List<Double> weights = Arrays.stream(options.getOrDefault("weights", "1,2,3").split(",")).map(Double::parseDouble)
                .toList();
        int scale = Integer.parseInt(options.getOrDefault("scale", "100000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "4"));
        boolean ranking = !"off".equals(options.get("ranking"));
        System.out.printf("%d documents, %d judged queries; scale %d%n", dataset.corpus().size(), dataset.queries().size(),
                scale);
        String loadAtStart = load();

        Path work = Path.of("..", ".work", "search").toAbsolutePath().normalize();
        Files.createDirectories(work);
        LocalPostgres postgres = null;
        Path dataDir = work.resolve("pg-" + UUID.randomUUID());
        JwksServer jwks = null;
        Process service = null;
        String base = options.get("url");
        String token = options.get("token");
        try {
            cpu = () -> null;
            if (base == null) {
                jwks = JwksServer.start(freePort());
                // Sized like a production server: 100,000 documents' postings index (~570 MB) fits
                // in PostgreSQL's own cache, as it would with shared_buffers at a quarter of RAM.
                postgres = LocalPostgres.start(work, dataDir, freePort(), true,
                        work.resolve("postgres.log").toFile(), Map.of("shared_buffers", "1GB"));
                postgres.prepare("flotilla");
                int port = freePort();
                Path jar = Path.of(options.getOrDefault("jar", "../../search-service/target/quarkus-app/quarkus-run.jar"));
                ProcessBuilder builder = new ProcessBuilder("java", "-Xmx1g", "-jar", jar.toAbsolutePath().toString())
                        .redirectErrorStream(true).redirectOutput(work.resolve("search-service.log").toFile());
                builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
                builder.environment().put("FLOTILLA_DB_HOST", "localhost");
                builder.environment().put("FLOTILLA_DB_PORT", String.valueOf(postgres.port()));
                builder.environment().put("FLOTILLA_DB_NAME", "flotilla");
                builder.environment().put("FLOTILLA_DB_USER", LocalPostgres.SUPERUSER);
                builder.environment().put("FLOTILLA_AUTH_JWKS_URL", jwks.url());
                service = builder.start();
                base = "http://localhost:" + port;
                awaitReady(base, service, work);
                token = TestTokens.longLived(UUID.randomUUID(), "member");
                long servicePid = service.pid();
                long postmasterPid = CpuTime.postmaster(dataDir);
                cpu = () -> new double[] { CpuTime.of(servicePid), CpuTime.of(postmasterPid) };
            }
            Api api = new Api(base, token);
            StringBuilder report = new StringBuilder();
            if (ranking) {
                report.append(rankingTable(api, dataset, weights, data.getFileName().toString()));
            }
            if (scale > 0) {
                report.append('\n').append(scaleTables(api, dataset, scale, seconds, connections, work, base, token));
            }
            System.out.println();
            System.out.print(report);
            record(args, report.toString(), loadAtStart, load());
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            if (jwks != null) {
                jwks.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static String rankingTable(Api api, Ranking.Dataset dataset, List<Double> weights, String name) throws Exception {
        String collection = api.post("/api/v1/collections", "{\"name\": \"" + name + "-" + UUID.randomUUID() + "\"}").get("id")
                .asText();
        List<String> lines = new ArrayList<>();
        for (Ranking.Doc d : dataset.corpus()) {
            lines.add(JSON.writeValueAsString(
                    JSON.createObjectNode().put("id", d.id()).put("title", d.title()).put("body", d.text())));
        }
        double importSeconds = importAll(api, collection, List.of(String.join("\n", lines) + "\n"));
        System.out.printf("%s: imported %d documents in %.1f s%n", name, lines.size(), importSeconds);

        Map<String, Ranking.Scores> results = new LinkedHashMap<>();
        for (double weight : weights) {
            api.patch("/api/v1/collections/" + collection,
                    "{\"settings\": {\"fieldWeights\": {\"title\": " + weight + ", \"body\": 1.0}}}");
            Map<String, List<String>> runs = new HashMap<>();
            for (Ranking.Query q : dataset.queries()) {
                JsonNode answer = api.post("/api/v1/collections/" + collection + "/search",
                        JSON.writeValueAsString(
                                JSON.createObjectNode().put("q", q.text()).put("limit", 100).put("highlight", false)));
                List<String> ids = new ArrayList<>();
                answer.get("hits").forEach(h -> ids.add(h.get("id").asText()));
                runs.put(q.id(), ids);
            }
            results.put("search-service (BM25F, title weight " + weight + ")", Ranking.evaluate(runs, dataset.qrels()));
        }
        results.put("Lucene 9.12 BM25, EnglishAnalyzer (title + text, one field)",
                Ranking.evaluate(Ranking.lucene(dataset.corpus(), dataset.queries()), dataset.qrels()));
        StringBuilder table = new StringBuilder(
                "Ranking on %s (%d documents, %d judged queries, limit 100):\n\n".formatted(name,
                        dataset.corpus().size(), dataset.queries().size()));
        table.append("| system | nDCG@10 | recall@100 |\n|---|---|---|\n");
        results.forEach((system, s) -> table.append("| %s | %.4f | %.4f |%n".formatted(system, s.ndcg10(), s.recall100())));
        table.append("\n%s import: %d documents in %.1f s (%.0f documents/s).\n".formatted(name, lines.size(), importSeconds,
                lines.size() / importSeconds));
        return table.toString();
    }

    private static String scaleTables(Api api, Ranking.Dataset dataset, int scale, int seconds, int connections, Path work,
            String base,
            String token) throws Exception {
        SyntheticCorpus synthetic = new SyntheticCorpus(dataset.corpus());
        List<String> requests = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        long bodyBytes = 0;
        for (int i = 0; i < scale; i++) {
            SyntheticCorpus.Document d = synthetic.document(i);
            bodyBytes += d.body().getBytes(StandardCharsets.UTF_8).length;
            ObjectNode line = JSON.createObjectNode().put("id", d.id()).put("title", d.title()).put("body", d.body());
            line.putArray("tags").add(d.tag());
            line.putObject("metadata").put("year", d.year()).put("kind", d.kind());
            chunk.append(JSON.writeValueAsString(line)).append('\n');
            if ((i + 1) % IMPORT_REQUEST_DOCUMENTS == 0 || i + 1 == scale) {
                requests.add(chunk.toString());
                chunk.setLength(0);
            }
        }
        String collection = api.post("/api/v1/collections", "{\"name\": \"synthetic-" + UUID.randomUUID() + "\"}").get("id")
                .asText();
        System.out.printf("importing %d generated documents (%d requests)%n", scale, requests.size());
        double[] cpuBefore = cpu.get();
        double importSeconds = importAll(api, collection, requests);
        double[] cpuAfter = cpu.get();
        String cpuUsed = cpuBefore == null ? ""
                : " CPU used: search-service %.1f s, PostgreSQL %.1f s (%.2f ms of CPU per document)".formatted(
                        cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1],
                        1000 * (cpuAfter[0] - cpuBefore[0] + cpuAfter[1] - cpuBefore[1]) / scale);
        System.out.printf("imported in %.1f s: %.0f documents/s;%s%n", importSeconds, scale / importSeconds, cpuUsed);

        List<String> bodies = new ArrayList<>();
        for (Ranking.Query q : dataset.queries()) {
            bodies.add(searchBody(q.text()));
        }
        for (int i = 0; i < SHORT_QUERIES; i++) {
            bodies.add(searchBody(synthetic.shortQuery(i, scale)));
        }
        // Interleave long and short queries so that every stretch of the run has the same mix.
        java.util.Collections.shuffle(bodies, new Random(42));
        LoadTest load = new LoadTest(work, base, "/api/v1/collections/" + collection + "/search", token, bodies);
        load.run(2, 10); // warm-up: JIT, caches
        String loadBefore = load();
        List<LoadTest.Result> results = List.of(load.run(1, seconds), load.run(connections, seconds));
        StringBuilder table = new StringBuilder();
        table.append(
                ("Indexing: %d generated documents (average body %.0f bytes, title, tag, 2 metadata fields) imported as NDJSON in %d "
                        + "requests of %d: %.1f s, **%.0f documents/s**.%s%n%n").formatted(scale, (double) bodyBytes / scale,
                                requests.size(),
                                IMPORT_REQUEST_DOCUMENTS, importSeconds, scale / importSeconds, cpuUsed));
        table.append(
                ("Search at %d documents: wrk (1 thread, keep-alive) POSTing %d queries in rotation (%d scifact claims, %d words "
                        + "of generated titles; limit 10, snippets with highlighting), %d s per row after a 10 s warm-up; load before: %s.%n%n")
                        .formatted(scale, bodies.size(), dataset.queries().size(), SHORT_QUERIES, seconds, loadBefore));
        table.append(
                "| connections | searches | searches/s | p50 ms | p90 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|---|---|\n");
        for (LoadTest.Result r : results) {
            table.append("| %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d |%n".formatted(r.connections(), r.requests(),
                    r.perSecond(), r.p50(),
                    r.p90(), r.p99(), r.max(), r.non2xx() + r.socketErrors()));
        }
        table.append(slowest(api, "/api/v1/collections/" + collection + "/search", bodies));
        return table.toString();
    }

    /** Every search once more, one at a time: the slowest five, with the time the service itself reports ({@code tookMs}). */
    private static String slowest(Api api, String path, List<String> bodies) throws Exception {
        record Timed(String body, double ms, long tookMs) {
        }
        List<Timed> timed = new ArrayList<>();
        for (String body : bodies) {
            long started = System.nanoTime();
            JsonNode answer = api.post(path, body);
            timed.add(new Timed(body, (System.nanoTime() - started) / 1e6, answer.get("tookMs").asLong()));
        }
        timed.sort((a, b) -> Double.compare(b.ms(), a.ms()));
        StringBuilder text = new StringBuilder(
                "\nSlowest of the %d searches run once more one at a time (ms at the client / tookMs of the service):%n%n"
                        .formatted(bodies.size()));
        for (Timed t : timed.subList(0, Math.min(5, timed.size()))) {
            text.append("- %.1f / %d: `%s`%n".formatted(t.ms(), t.tookMs(), JSON.readTree(t.body()).get("q").asText()));
        }
        return text.toString();
    }

    private static String searchBody(String q) throws IOException {
        return JSON.writeValueAsString(JSON.createObjectNode().put("q", q).put("limit", 10).put("highlight", true));
    }

    /** Imports the NDJSON requests one after the other; the seconds it took. */
    private static double importAll(Api api, String collection, List<String> requests) throws Exception {
        long started = System.nanoTime();
        for (String ndjson : requests) {
            JsonNode report = api.post("/api/v1/collections/" + collection + "/documents/import", ndjson,
                    "application/x-ndjson");
            if (report.get("failed").asLong() != 0) {
                throw new IllegalStateException("import reported failures: " + report);
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void record(String[] args, String report, String loadAtStart, String loadAtEnd) throws IOException {
        Path results = Path.of("RESULTS.md");
        String entry = """

                ## %s

                Command: `bench/search/run %s`; machine: %s, %d cores, %d GB RAM, Java %s; load average (1, 5, 15 min) at start %s, at end %s.

                %s"""
                .formatted(Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC",
                        String.join(" ", args).replaceAll("--data \\S+", "--data <scifact dir>").replaceAll("--token \\S+",
                                "--token <jwt>"),
                        cpuModel(), Runtime.getRuntime().availableProcessors(), memoryGigabytes(),
                        System.getProperty("java.version"),
                        loadAtStart, loadAtEnd, report);
        if (!Files.exists(results)) {
            Files.writeString(results, "# Search benchmark results\n\nAppended by `bench/search/run`.\n");
        }
        Files.writeString(results, entry, StandardOpenOption.APPEND);
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static long memoryGigabytes() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024).findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /** A free port in 32000-32999, the range the bench may use. */
    private static int freePort() {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 32000 + random.nextInt(1000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException e) {
                // taken; try another
            }
        }
        throw new IllegalStateException("no free port in 32000-32999");
    }

    private static void awaitReady(String base, Process service, Path work) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("search-service exited; see " + work.resolve("search-service.log"));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("search-service did not become ready");
    }

    /** A tiny JSON-over-HTTP client with the bearer token. */
    private record Api(String base, String token) {

        JsonNode post(String path, String body) throws Exception {
            return post(path, body, "application/json");
        }

        JsonNode post(String path, String body, String type) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        }

        JsonNode patch(String path, String body) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        }

        private JsonNode send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        }
    }

    private SearchBench() {
    }
}
