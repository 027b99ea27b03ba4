package dev.flotilla.testing;

import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real browser for tests of pages: Debian's {@code chromium}, headless, driven over the Chrome DevTools Protocol with
 * the JDK's own WebSocket client. A test opens a page and evaluates JavaScript in it, as a person's browser would run
 * the page's own scripts. Needs the {@code chromium} package ({@code .ci/run} installs it).
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** A fresh browser with an empty profile, showing {@code about:blank}. */
    public static HeadlessChromium start() throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        Process process;
        try {
            process = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-dev-shm-usage", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("Starting chromium failed; install Debian's chromium package", e);
        }
        String browserSocket = devToolsAddress(process);
        URI base = URI.create(browserSocket.replaceFirst("^ws://", "http://").replaceFirst("/devtools/.*$", ""));
        HttpClient http = HttpClient.newHttpClient();
        String pages = http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher page = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+/devtools/page/[^\"]+)\"")
                .matcher(pages);
        if (!page.find()) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium shows no page: " + pages);
        }
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page.group(1)), listener)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        HeadlessChromium browser = new HeadlessChromium(process, profile, socket);
        listener.browser = browser;
        return browser;
    }

    private static String devToolsAddress(Process process) throws IOException {
        BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = errors.readLine()) != null;) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                // Keep draining its log so that a full pipe never blocks the browser.
                Thread drain = new Thread(() -> errors.lines().forEach(ignored -> {
                }), "chromium-log");
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("chromium ended before it listened:\n" + seen);
    }

    /** Loads {@code url} in the page, waiting until its document has loaded. */
    public void open(String url) {
        call("Page.enable", new JsonObject());
        call("Page.navigate", new JsonObject().put("url", url));
        long until = System.nanoTime() + WAIT.toNanos();
        while (!"complete".equals(evaluate("document.readyState"))) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the page at " + url + " did not finish loading");
            }
            sleep();
        }
    }

    /** The value of the JavaScript {@code expression} in the page, as text (null for null or undefined). */
    public String evaluate(String expression) {
        JsonObject result = call("Runtime.evaluate", new JsonObject().put("expression", expression)
                .put("returnByValue", true)).getJsonObject("result");
        if (result.containsKey("exceptionDetails")) {
            throw new IllegalStateException(
                    "evaluating " + expression + " failed: " + result.getJsonObject("exceptionDetails"));
        }
        Object value = result.getJsonObject("result").getValue("value");
        return value == null ? null : value.toString();
    }

    private JsonObject call(String method, JsonObject params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(new JsonObject().put("id", id).put("method", method).put("params", params).encode(), true).join();
        try {
            JsonObject reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (reply.containsKey("error")) {
                throw new IllegalStateException(method + " failed: " + reply.getJsonObject("error"));
            }
            return reply;
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            pending.remove(id);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Collects the socket's text frames into messages and hands each answer to the call waiting for it. */
    private static final class Listener implements WebSocket.Listener {

        private final StringBuilder message = new StringBuilder();
        private volatile HeadlessChromium browser;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                JsonObject received = new JsonObject(message.toString());
                message.setLength(0);
                Integer id = received.getInteger("id");
                if (id != null && browser != null) {
                    CompletableFuture<JsonObject> waiting = browser.pending.get(id);
                    if (waiting != null) {
                        waiting.complete(received);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
