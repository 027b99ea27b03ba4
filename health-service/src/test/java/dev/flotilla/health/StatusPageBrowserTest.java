package dev.flotilla.health;

import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.HeadlessChromium;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The status page in a real browser: it shows what is checked, and a change arrives without a reload. */
@QuarkusTest
class StatusPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL base;

    @Test
    void aComponentThatGoesDownIsShownDownWithoutAReload() throws Exception {
        UUID tenant = Ids.next();
        String slug = "live-" + tenant.toString().substring(24);
        try (TargetServer server = TargetServer.start(); HeadlessChromium browser = HeadlessChromium.start()) {
            String id = Responses.created(Requests.as(tenant, "admin").body(Map.of("name", "payments", "url",
                    server.url("/health"), "interval", "500ms", "timeout", "400ms")).post(TargetApiTest.TARGETS).then());
            PublicPageTest.awaitChecked(tenant, id);
            Requests.as(tenant, "admin").body(Map.of("slug", slug, "title", "Payments", "enabled", true))
                    .put(StatusPageApiTest.SETTINGS).then().statusCode(200);
            browser.open(base + "status/" + slug);
            String state = "document.querySelector('li[data-name=\"payments\"] .state').textContent";
            assertEquals("Operational", browser.evaluate(state));
            assertEquals("All Systems Operational", browser.evaluate("document.getElementById('banner').textContent"));
            await().atMost(WAIT).until(() -> "true".equals(browser.evaluate("document.body.dataset.live")));
            browser.evaluate("window.loadedOnce = 'yes'");

            server.answer("/health", 503, "down");
            await().atMost(WAIT).until(() -> "Down".equals(browser.evaluate(state)));
            assertEquals("Major System Outage", browser.evaluate("document.getElementById('banner').textContent"));
            assertEquals("yes", browser.evaluate("window.loadedOnce"), "the same document, not a reloaded one");
        }
    }
}
