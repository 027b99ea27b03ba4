package dev.flotilla.notification;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TemplateApiTest {

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification admin() {
        return Requests.as("root", tenant, "admin");
    }

    private static Map<String, Object> email(String eventType, String locale, String subject, String html) {
        Map<String, Object> template = new HashMap<>(Map.of("eventType", eventType, "channel", "email", "subject", subject,
                "html", html, "text", "Task {data.task} failed."));
        if (locale != null) {
            template.put("locale", locale);
        }
        return template;
    }

    private String create(Map<String, Object> template) {
        return Responses.created(admin().body(template).post("/api/v1/templates").then());
    }

    @Test
    void aTemplateIsCreatedWithItsLocationAndETag() {
        String id = create(email("task.failed", "fr-fr", "Échec : {data.task}", "<p>{data.task}</p>"));
        admin().get("/api/v1/templates/" + id).then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("eventType", equalTo("task.failed"), "channel", equalTo("email"), "locale", equalTo("fr-FR"),
                        "subject", equalTo("Échec : {data.task}"), "title", nullValue(), "createdBy", equalTo("root"));
    }

    @Test
    void theLocaleIsEnglishWhenNoneIsGiven() {
        admin().body(Map.of("eventType", "task.*", "channel", "inbox", "title", "{type}")).post("/api/v1/templates").then()
                .statusCode(201).body("locale", equalTo("en"));
    }

    @Test
    void aPartThatDoesNotParseIsUnprocessableNamingThePartAndLine() {
        admin().body(email("task.failed", "en", "Failed", "<p>\n{#if data.x}\n{data.task</p>")).post("/api/v1/templates").then()
                .spec(Problems.unprocessable())
                .body("errors[0].field", equalTo("html"))
                .body("errors[0].message", containsString("line 3"))
                .body("detail", containsString("html: line 3"));
    }

    @Test
    void aTemplateReachingBeyondItsDataIsUnprocessable() {
        admin().body(email("task.failed", "en", "{config:['quarkus.datasource.password']}", "<p>x</p>"))
                .post("/api/v1/templates").then()
                .spec(Problems.unprocessable())
                .body("errors[0].field", equalTo("subject"))
                .body("errors[0].message", containsString("config:"));
        admin().body(email("task.failed", "en", "x", "<p>x</p>\n{#include base /}")).post("/api/v1/templates").then()
                .spec(Problems.unprocessable())
                .body("errors[0].field", equalTo("html"))
                .body("errors[0].message", containsString("line 2: no section helper found for {#include base /}"));
    }

    @Test
    void partsMustBeThoseOfTheChannel() {
        admin().body(Map.of("eventType", "task.*", "channel", "inbox", "title", "t", "html", "<p/>")).post("/api/v1/templates")
                .then().spec(Problems.validationFailed()).body("errors[0].field", equalTo("html"));
        admin().body(Map.of("eventType", "task.*", "channel", "email", "text", "t")).post("/api/v1/templates").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("subject"));
        admin().body(Map.of("eventType", "task.*", "channel", "email", "subject", "s")).post("/api/v1/templates").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("html"));
        admin().body(Map.of("eventType", "task.*", "channel", "webhook", "title", "t")).post("/api/v1/templates").then()
                .spec(Problems.validationFailed()).body("errors[0].field", equalTo("channel"));
    }

    @Test
    void aSecondTemplateForTheTypeChannelAndLocaleIsAConflict() {
        create(email("task.failed", "de", "a", "<p>a</p>"));
        admin().body(email("task.failed", "de", "b", "<p>b</p>")).post("/api/v1/templates").then().spec(Problems.conflict());
    }

    @Test
    void anUpdateWithAStaleETagIsAPreconditionFailure() {
        String id = create(email("task.failed", "en", "v0", "<p>v0</p>"));
        admin().header("If-Match", "\"0\"").body(email("task.failed", "en", "v1", "<p>v1</p>")).put("/api/v1/templates/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("subject", equalTo("v1"), "version", equalTo(1));
        admin().header("If-Match", "\"0\"").body(email("task.failed", "en", "v2", "<p>v2</p>")).put("/api/v1/templates/" + id)
                .then().spec(Problems.preconditionFailed());
        admin().header("If-Match", "\"0\"").delete("/api/v1/templates/" + id).then().spec(Problems.preconditionFailed());
        admin().delete("/api/v1/templates/" + id).then().statusCode(204);
        admin().get("/api/v1/templates/" + id).then().spec(Problems.notFound());
    }

    @Test
    void anUpdateThatDoesNotParseLeavesTheTemplateAsItWas() {
        String id = create(email("task.failed", "en", "good", "<p>good</p>"));
        admin().body(email("task.failed", "en", "{#for}", "<p>bad</p>")).put("/api/v1/templates/" + id).then()
                .spec(Problems.unprocessable()).body("errors[0].field", equalTo("subject"));
        admin().get("/api/v1/templates/" + id).then().body("subject", equalTo("good"), "version", equalTo(0));
    }

    @Test
    void templatesAreListedAndFiltered() {
        create(email("task.failed", "en", "a", "<p/>"));
        create(email("task.failed", "fr", "b", "<p/>"));
        admin().body(Map.of("eventType", "task.failed", "channel", "inbox", "title", "c")).post("/api/v1/templates").then()
                .statusCode(201);
        admin().queryParam("channel", "email").get("/api/v1/templates").then()
                .statusCode(200).body("items.subject", contains("a", "b"));
        admin().queryParam("locale", "FR").get("/api/v1/templates").then().body("items.subject", contains("b"));
        admin().queryParam("channel", "pigeon").get("/api/v1/templates").then().spec(Problems.validationFailed());
    }

    @Test
    void anotherTenantsTemplateIsNotFound() {
        String id = create(email("task.failed", "en", "mine", "<p/>"));
        RequestSpecification stranger = Requests.as("root", UUID.randomUUID(), "admin");
        stranger.get("/api/v1/templates/" + id).then().spec(Problems.notFound());
        Requests.as("root", UUID.randomUUID(), "admin").body(email("task.failed", "en", "theirs", "<p/>"))
                .put("/api/v1/templates/" + id).then().spec(Problems.notFound());
        Requests.as("root", UUID.randomUUID(), "admin").delete("/api/v1/templates/" + id).then().spec(Problems.notFound());
        Requests.as("root", UUID.randomUUID(), "admin").body(Map.of("data", Map.of()))
                .post("/api/v1/templates/" + id + "/preview").then().spec(Problems.notFound());
        Requests.as("root", UUID.randomUUID(), "admin").get("/api/v1/templates").then().body("items", empty());
    }

    @Test
    void onlyAdminsWriteAndPreviewTemplates() {
        Requests.as("ada", tenant, "member").body(email("task.failed", "en", "x", "<p/>")).post("/api/v1/templates").then()
                .spec(Problems.forbidden());
        Requests.as("svc", tenant, "service").body(email("task.failed", "en", "x", "<p/>")).post("/api/v1/templates").then()
                .spec(Problems.forbidden());
        Requests.as("ada", tenant, "viewer").get("/api/v1/templates").then().spec(Problems.forbidden());
        Requests.as("ada", tenant, "member").body(Map.of("template", email("task.failed", "en", "x", "<p/>")))
                .post("/api/v1/templates/preview").then().spec(Problems.forbidden());
        Requests.as("svc", tenant, "service").get("/api/v1/templates").then().statusCode(200);
    }

    @Test
    void aPreviewRendersTheSavedTemplateEscapingHtmlAndListsMissingData() {
        String id = create(email("task.failed", "fr", "Échec : {data.task} ({data.owner.name})",
                "<p>{data.task} par {data.owner.name}</p>"));
        admin().body(Map.of("data", Map.of("task", "<script>alert(1)</script>"))).post("/api/v1/templates/" + id + "/preview")
                .then()
                .statusCode(200)
                .body("rendered.templateId", equalTo(id))
                .body("rendered.locale", equalTo("fr"))
                .body("rendered.subject", equalTo("Échec : <script>alert(1)</script> ()"))
                .body("rendered.html", equalTo("<p>&lt;script&gt;alert(1)&lt;/script&gt; par </p>"))
                .body("rendered.text", equalTo("Task <script>alert(1)</script> failed."))
                .body("missingData", contains("data.owner"));
    }

    @Test
    void aDraftIsPreviewedWithoutBeingSaved() {
        admin().body("""
                {"template": {"eventType": "task.failed", "channel": "inbox", "title": "{data.n} failed",
                              "body": "{#for f in fields}{f.name}={f.value};{/for}"},
                 "data": {"n": 3, "tags": ["a", "b"]}, "subject": "deploy"}""")
                .post("/api/v1/templates/preview").then()
                .statusCode(200)
                .body("rendered.templateId", nullValue())
                .body("rendered.title", equalTo("3 failed"))
                .body("rendered.body", equalTo("n=3;tags=[\"a\",\"b\"];"))
                .body("missingData", empty());
        admin().get("/api/v1/templates").then().body("items", empty());
    }

    @Test
    void aDraftThatDoesNotParseIsUnprocessableNamingThePart() {
        admin().body(Map.of("template", Map.of("eventType", "task.failed", "channel", "inbox", "title", "{#if}x")))
                .post("/api/v1/templates/preview").then()
                .spec(Problems.unprocessable())
                .body("errors[0].field", equalTo("template.title"));
    }

    @Test
    void aPreviewThatCannotRenderIsUnprocessableNamingThePart() {
        admin().body(Map.of("template", Map.of("eventType", "task.failed", "channel", "inbox", "title", "t",
                "body", "{#for item in data.items}{item}{/for}"), "data", Map.of("items", "not a list")))
                .post("/api/v1/templates/preview").then()
                .spec(Problems.unprocessable())
                .body("errors[0].field", equalTo("body"))
                .body("detail", not(containsString("Exception")));
    }
}
