package dev.flotilla.conversation.customization;

import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each user's own prompt customizations of an agent: nobody else sees them, an admin neither. */
@QuarkusTest
class PromptCustomizationApiTest {

    private final UUID tenant = Ids.next();
    private final UUID agent = Ids.next();
    private final String customizations = "/api/v1/agents/" + agent + "/prompt-customizations";

    private RequestSpecification as(String user, String role) {
        return Requests.as(user, tenant, role);
    }

    private String create(String user, String name, String instructions) {
        return Responses.created(as(user, "member").body(Map.of("name", name, "instructions", instructions))
                .post(customizations).then());
    }

    @Test
    void aCreatedCustomizationIsReadBackWithItsDefaults() {
        String id = Responses.created(as("ann", "member").body(Map.of("instructions", "Answer in French."))
                .post(customizations).then());

        as("ann", "member").get(customizations + "/" + id).then().statusCode(200)
                .header("ETag", is("\"1\""))
                .body("name", is("default"))
                .body("instructions", is("Answer in French."))
                .body("enabled", is(true))
                .body("agentId", is(agent.toString()));
    }

    @Test
    void aReplacementChangesItAndHonoursIfMatch() {
        String id = create("ann", "tone", "Be brief.");

        as("ann", "member").header("If-Match", "\"1\"")
                .body(Map.of("name", "tone", "instructions", "Be very brief.", "enabled", false))
                .put(customizations + "/" + id).then().statusCode(200)
                .header("ETag", is("\"2\""))
                .body("instructions", is("Be very brief."))
                .body("enabled", is(false));
        as("ann", "member").header("If-Match", "\"1\"").body(Map.of("instructions", "stale"))
                .put(customizations + "/" + id).then().spec(Problems.preconditionFailed());
    }

    @Test
    void aSecondCustomizationOfTheSameNameIsAConflict() {
        create("ann", "tone", "Be brief.");

        as("ann", "member").body(Map.of("name", "tone", "instructions", "Again")).post(customizations).then()
                .spec(Problems.conflict());
    }

    @Test
    void anotherUsersCustomizationsAreInvisibleEvenToAnAdmin() {
        String anns = create("ann", "tone", "Be brief.");

        as("root", "admin").get(customizations + "/" + anns).then().spec(Problems.notFound());
        as("root", "admin").body(Map.of("instructions", "mine now")).put(customizations + "/" + anns).then()
                .spec(Problems.notFound());
        as("bob", "member").delete(customizations + "/" + anns).then().spec(Problems.notFound());
        List<Object> adminSees = as("root", "admin").get(customizations).then().statusCode(200).extract().path("items");
        assertEquals(List.of(), adminSees);
    }

    @Test
    void anotherTenantsCustomizationIsNotFound() {
        String id = create("ann", "tone", "Be brief.");

        Requests.as("ann", Ids.next(), "member").get(customizations + "/" + id).then().spec(Problems.notFound());
    }

    @Test
    void theListHoldsOnlyThisAgentsCustomizations() {
        String first = create("ann", "tone", "Be brief.");
        String second = create("ann", "language", "Answer in French.");
        Responses.created(as("ann", "member").body(Map.of("instructions", "Other agent"))
                .post("/api/v1/agents/" + Ids.next() + "/prompt-customizations").then());

        as("ann", "member").get(customizations).then().statusCode(200)
                .body("items.size()", is(2))
                .body("items.id", hasItems(first, second));
    }

    @Test
    void aDeletedCustomizationIsGone() {
        String id = create("ann", "tone", "Be brief.");

        as("ann", "member").delete(customizations + "/" + id).then().statusCode(204);
        as("ann", "member").get(customizations + "/" + id).then().spec(Problems.notFound());
    }

    @Test
    void missingOrOverlongFieldsAreRefusedNamingEach() {
        as("ann", "member").body(Map.of("name", "n".repeat(101), "instructions", " ")).post(customizations).then()
                .spec(Problems.validationFailed())
                .body("errors.field", hasItems("name", "instructions"));
    }
}
