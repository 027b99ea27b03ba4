package dev.flotilla.conversation.model;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** What a client of the service hears when a model call fails, and the listing of models. */
@QuarkusTest
@QuarkusTestResource(LocalModelServerResource.class)
class ModelProblemsTest {

    LocalModelServer server;

    @AfterEach
    void forgetScripts() {
        List.of(LocalModelServerResource.LOCAL, LocalModelServerResource.FLAKY).forEach(server::reset);
    }

    @Test
    void withNoProviderConfiguredACallIsA503Problem() {
        given().queryParam("text", "hello").post("/test/model/complete").then()
                .spec(Problems.serviceUnavailable())
                .header("Retry-After", notNullValue())
                .body("detail", is("model provider not configured"));
    }

    @Test
    void aProviderThatStaysDownIsA503ProblemNamingIt() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(LocalModelServerResource.FLAKY, LocalModelServer.Reply.status(502, "upstream gone"));
        }

        given().queryParam("provider", "flaky").queryParam("text", "hello").post("/test/model/complete").then()
                .spec(Problems.serviceUnavailable())
                .header("Retry-After", notNullValue())
                .body("detail", containsString("model provider 'flaky' answered 502: upstream gone"));
    }

    @Test
    void aProviderThatDoesNotKnowTheModelIsABadGatewayProblemWithItsMessage() {
        server.enqueue(LocalModelServerResource.LOCAL,
                LocalModelServer.Reply.status(404, "The model `echo-1` does not exist or you do not have access to it."));

        given().queryParam("provider", "local").queryParam("text", "hello").post("/test/model/complete").then()
                .statusCode(502)
                .contentType(Problems.PROBLEM_JSON)
                .body("type", is(ModelProblems.BAD_GATEWAY))
                .body("detail", containsString("'local' answered 404: The model `echo-1` does not exist"));
    }

    @Test
    void aRequestTheProviderRefusesIsABadRequestProblemWithItsMessage() {
        server.enqueue(LocalModelServerResource.LOCAL,
                LocalModelServer.Reply.status(400, "This model's maximum context length is 8192 tokens."));

        given().queryParam("provider", "local").queryParam("text", "hello").post("/test/model/complete").then()
                .spec(Problems.badRequest())
                .body("detail", containsString("maximum context length is 8192 tokens"));
    }

    @Test
    void anUnknownProviderIsAValidationProblem() {
        given().queryParam("provider", "nowhere").queryParam("text", "hello").post("/test/model/complete").then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("provider"));
    }

    @Test
    void theConfiguredProvidersAndModelsAreListedWithoutKeysOrAddresses() {
        String body = Requests.as(UUID.randomUUID(), "member").get("/api/v1/models").then()
                .statusCode(200)
                .body("items.name", hasItems("local", "other", "flaky", "fragile"))
                .body("items.find { it.name == 'other' }.models", is(List.of("echo-2", "echo-2-mini")))
                .body("items.find { it.name == 'other' }.model", is("echo-2"))
                .body("items.isDefault", everyItem(is(false)))
                .extract().asString();
        assertThat(body, not(containsString("sk-")));
        assertThat(body, not(containsString("127.0.0.1")));
    }
}
