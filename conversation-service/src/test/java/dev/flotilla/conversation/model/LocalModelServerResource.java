package dev.flotilla.conversation.model;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts one {@link LocalModelServer} for the module's tests and configures providers on it, each
 * at its own prefix, so one test's failures never trip another's breaker: {@code local} (the
 * everyday one), {@code other} (a second one, chosen by name or by its models), {@code flaky}
 * (fast retries), {@code fragile} (no retries, a breaker that opens soon), and {@code absent} (a port nothing listens on). No
 * default provider is
 * configured, which is what a service without {@code FLOTILLA_LLM_BASE_URL} meets. A test gets the
 * server in a field of type {@link LocalModelServer}.
 */
public class LocalModelServerResource implements QuarkusTestResourceLifecycleManager {

    public static final String LOCAL = "/local/v1";
    public static final String OTHER = "/other/v1";
    public static final String FLAKY = "/flaky/v1";
    public static final String FRAGILE = "/fragile/v1";
    public static final String LOCAL_KEY = "sk-local-test";
    public static final String OTHER_KEY = "sk-other-test";

    private LocalModelServer server;

    @Override
    public Map<String, String> start() {
        server = LocalModelServer.start();
        Map<String, String> config = new HashMap<>();
        provider(config, "local", LOCAL, LOCAL_KEY, "echo-1");
        provider(config, "other", OTHER, OTHER_KEY, "echo-2");
        config.put("flotilla.llm.providers.other.models", "echo-2,echo-2-mini");
        provider(config, "flaky", FLAKY, "sk-flaky-test", "echo-3");
        config.put("flotilla.llm.providers.flaky.retry-backoff", "50ms");
        config.put("flotilla.llm.providers.flaky.first-byte-timeout", "1s");
        config.put("flotilla.llm.providers.flaky.idle-timeout", "1s");
        config.put("flotilla.llm.providers.flaky.breaker-volume", "50");
        provider(config, "fragile", FRAGILE, "sk-fragile-test", "echo-4");
        config.put("flotilla.llm.providers.fragile.max-retries", "0");
        config.put("flotilla.llm.providers.fragile.breaker-volume", "4");
        config.put("flotilla.llm.providers.fragile.breaker-delay", "60s");
        config.put("flotilla.llm.providers.absent.base-url", "http://127.0.0.1:" + closedPort() + "/v1");
        config.put("flotilla.llm.providers.absent.model", "nothing");
        config.put("flotilla.llm.providers.absent.retry-backoff", "50ms");
        return config;
    }

    /** A port nothing listens on. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void provider(Map<String, String> config, String name, String prefix, String key, String model) {
        config.put("flotilla.llm.providers." + name + ".base-url", server.baseUrl(prefix));
        config.put("flotilla.llm.providers." + name + ".api-key", key);
        config.put("flotilla.llm.providers." + name + ".model", model);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(LocalModelServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
