package dev.flotilla.notification;

import dev.flotilla.notification.template.Rendered;
import dev.flotilla.notification.template.TemplateRenderer;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events rendered as the channels will: the template that applies, its locale's fallbacks, the built-in one. */
@QuarkusTest
class TemplateRenderingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    TemplateRenderer renderer;

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification admin() {
        return Requests.as("root", tenant, "admin");
    }

    private String inbox(String eventType, String locale, String title) {
        return Responses
                .created(admin().body(Map.of("eventType", eventType, "channel", "inbox", "locale", locale, "title", title,
                        "body", "{data.detail}")).post("/api/v1/templates").then());
    }

    private Rendered render(String type, String channel, String locale, JsonObject data) {
        return renderer.render(tenant, type, channel, locale, "build 42", data).await().atMost(WAIT);
    }

    @Test
    void anEventWithoutATemplateRendersTheBuiltInOne() {
        Rendered inbox = render("task.failed", "inbox", "fr", new JsonObject().put("task", "deploy").put("attempts", 3));
        assertNull(inbox.templateId());
        assertEquals("task.failed — build 42", inbox.title());
        assertEquals("task: deploy\nattempts: 3", inbox.body());

        Rendered email = render("task.failed", "email", null, new JsonObject().put("task", "<b>deploy</b>"));
        assertEquals("task.failed — build 42", email.subject());
        assertTrue(email.html().contains("<td>&lt;b&gt;deploy&lt;/b&gt;</td>"), email.html());
        assertTrue(email.text().startsWith("task.failed\nbuild 42\n\ntask: <b>deploy</b>"), email.text());
    }

    @Test
    void theReadersLocaleFallsBackToItsLanguageThenToEnglish() {
        String french = inbox("task.failed", "fr", "Échec");
        String english = inbox("task.failed", "en", "Failed");
        assertEquals(french, render("task.failed", "inbox", "fr-CA", new JsonObject()).templateId().toString());
        assertEquals("Échec", render("task.failed", "inbox", "fr-CA", new JsonObject()).title());
        assertEquals(english, render("task.failed", "inbox", "de-DE", new JsonObject()).templateId().toString());
        assertEquals("en", render("task.failed", "inbox", null, new JsonObject()).locale());
    }

    @Test
    void theMostSpecificPatternWinsAndAnotherChannelsTemplateDoesNotApply() {
        inbox("task.*", "en", "Some task event");
        inbox("task.failed", "en", "A task failed");
        assertEquals("A task failed", render("task.failed", "inbox", "en", new JsonObject()).title());
        assertEquals("Some task event", render("task.succeeded", "inbox", "en", new JsonObject()).title());
        assertNull(render("task.failed", "email", "en", new JsonObject()).templateId());
    }

    @Test
    void missingDataRendersAsNothingRatherThanFailing() {
        inbox("task.failed", "en", "Task {data.task.name} failed after {data.attempts} attempts");
        Rendered rendered = render("task.failed", "inbox", "en", new JsonObject());
        assertEquals("Task failed after attempts", rendered.title());
        assertEquals("", rendered.body());
    }

    @Test
    void aTemplateThatFailsToRenderGivesWayToTheBuiltInOne() {
        // Parses, but a loop over text cannot render: the event still gets a message.
        inbox("task.failed", "en", "{#for item in data.items}{item}{/for}");
        Rendered rendered = render("task.failed", "inbox", "en", new JsonObject().put("items", "not a list"));
        assertNull(rendered.templateId());
        assertEquals("task.failed — build 42", rendered.title());
    }

    @Test
    void aTemplateThatRendersTooMuchGivesWayToTheNextThatApplies() {
        String fallback = inbox("task.*", "en", "Some task event");
        Responses.created(admin().body(Map.of("eventType", "task.failed", "channel", "inbox", "locale", "en", "title", "t",
                "body", "{#for i in 1000}{data.x}{/for}")).post("/api/v1/templates").then());
        Rendered rendered = render("task.failed", "inbox", "en", new JsonObject().put("x", "x".repeat(300)));
        assertEquals(fallback, rendered.templateId().toString());
    }

    @Test
    void aTitleIsOneLineHoweverItsDataIsWritten() {
        inbox("task.failed", "en", "{data.name}\n  failed");
        assertEquals("deploy to prod failed",
                render("task.failed", "inbox", "en", new JsonObject().put("name", "deploy\r\nto prod"))
                        .title());
    }

    @Test
    void anotherTenantsTemplatesAreNotUsed() {
        inbox("task.failed", "en", "Ours");
        Rendered rendered = renderer.render(UUID.randomUUID(), "task.failed", "inbox", "en", null, new JsonObject())
                .await().atMost(WAIT);
        assertNull(rendered.templateId());
        assertEquals("task.failed", rendered.title());
    }

    @Test
    void aServiceRendersAnEventOverHttp() {
        inbox("workflow.*", "fr", "Flux {data.name}");
        Requests.as("task-service", tenant, "service")
                .body(Map.of("eventType", "workflow.completed", "channel", "inbox", "locale", "fr-BE", "data",
                        Map.of("name", "nightly")))
                .post("/api/v1/templates/render").then()
                .statusCode(200)
                .body("title", equalTo("Flux nightly"), "locale", equalTo("fr"), "subject", nullValue());
        Requests.as("task-service", tenant, "service")
                .body(Map.of("eventType", "workflow.*", "channel", "inbox")).post("/api/v1/templates/render").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("eventType"));
        Requests.as("ada", tenant, "member")
                .body(Map.of("eventType", "workflow.completed", "channel", "inbox")).post("/api/v1/templates/render").then()
                .spec(Problems.forbidden());
    }

    @Test
    void anEditedTemplateRendersItsNewVersion() {
        String id = inbox("task.failed", "en", "Before");
        assertEquals("Before", render("task.failed", "inbox", "en", new JsonObject()).title());
        admin().body(Map.of("eventType", "task.failed", "channel", "inbox", "locale", "en", "title", "After"))
                .put("/api/v1/templates/" + id).then().statusCode(200).body("title", containsString("After"));
        assertEquals("After", render("task.failed", "inbox", "en", new JsonObject()).title());
    }
}
