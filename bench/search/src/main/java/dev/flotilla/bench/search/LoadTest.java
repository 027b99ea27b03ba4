package dev.flotilla.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Search load from a separate process: wrk with {@code search-load.lua}, which POSTs the search
 * bodies of a file in rotation over keep-alive connections and reports the latency percentiles.
 */
final class LoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One wrk run: requests, its length, latency percentiles in ms, failed requests. */
    record Result(int connections, long requests, double seconds, double p50, double p90, double p99, double max, long non2xx,
            long socketErrors) {

        double perSecond() {
            return requests / seconds;
        }
    }

    private final Path script;
    private final Path bodies;
    private final String base;
    private final String path;
    private final String token;
    private final Path log;

    LoadTest(Path work, String base, String path, String token, List<String> bodies) throws IOException {
        this.script = work.resolve("search-load.lua");
        try (InputStream in = LoadTest.class.getResourceAsStream("/search-load.lua")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        this.bodies = work.resolve("search-bodies.jsonl");
        Files.write(this.bodies, bodies, StandardCharsets.UTF_8);
        this.base = base;
        this.path = path;
        this.token = token;
        this.log = work.resolve("wrk.log");
    }

    /** Runs wrk with one thread and {@code connections} connections for {@code seconds}. */
    Result run(int connections, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), base, "--", path, bodies.toString(), token)
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = wrk.waitFor();
        Files.writeString(log, output, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        int at = output.indexOf("WRK_RESULT ");
        if (exit != 0 || at < 0) {
            throw new IllegalStateException("wrk failed (exit " + exit + "):\n" + output);
        }
        JsonNode r = JSON.readTree(output.substring(at + "WRK_RESULT ".length()).lines().findFirst().orElseThrow());
        return new Result(connections, r.get("requests").asLong(), r.get("seconds").asDouble(), r.get("p50").asDouble(),
                r.get("p90").asDouble(), r.get("p99").asDouble(), r.get("max").asDouble(), r.get("non2xx").asLong(),
                r.get("socketErrors").asLong());
    }
}
