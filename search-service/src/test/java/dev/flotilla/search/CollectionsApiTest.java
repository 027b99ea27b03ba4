package dev.flotilla.search;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.flotilla.search.Api.member;
import static dev.flotilla.testing.Requests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CollectionsApiTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aNewCollectionHasDefaultSettingsAndALocation() {
        Responses.created(member(tenant).body("{\"name\": \"handbook\"}").post("/api/v1/collections").then()
                .header("Location", containsString("/api/v1/collections/"))
                .body("name", is("handbook"))
                .body("settings.language", is("english"))
                .body("settings.fieldWeights.title", is(2.0f))
                .body("settings.chunkSize", is(1000))
                .body("documentCount", is(0)));
    }

    @Test
    void settingsAreValidated() {
        member(tenant).body("{\"name\": \"x\", \"settings\": {\"language\": \"klingon\"}}").post("/api/v1/collections").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("settings.language"));
        member(tenant).body("{\"name\": \"y\", \"settings\": {\"chunkSize\": 200, \"chunkOverlap\": 150}}")
                .post("/api/v1/collections").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("settings.chunkOverlap"));
        member(tenant).body("{\"name\": \"z\", \"settings\": {\"fieldWeights\": {\"title\": 0, \"body\": 1}}}")
                .post("/api/v1/collections").then()
                .spec(Problems.validationFailed());
    }

    @Test
    void aSecondCollectionWithTheSameNameIsAConflict() {
        Responses.created(member(tenant).body("{\"name\": \"twins\"}").post("/api/v1/collections").then());
        member(tenant).body("{\"name\": \"twins\"}").post("/api/v1/collections").then().spec(Problems.conflict());
    }

    @Test
    void patchChangesOnlyTheGivenSettings() {
        String c = Api.collection(tenant);
        member(tenant).body("{\"description\": \"d\", \"settings\": {\"fieldWeights\": {\"title\": 3, \"body\": 1}}}")
                .patch("/api/v1/collections/" + c).then()
                .statusCode(200)
                .body("description", is("d"))
                .body("settings.fieldWeights.title", is(3.0f))
                .body("settings.language", is("english"))
                .body("settings.chunkSize", is(1000));
    }

    @Test
    void theLanguageCannotChangeOnceTheCollectionHoldsDocuments() {
        String c = Api.collection(tenant);
        member(tenant).body("{\"settings\": {\"language\": \"french\"}}").patch("/api/v1/collections/" + c).then()
                .statusCode(200).body("settings.language", is("french"));
        Api.put(tenant, c, "1", "Bonjour", "le monde");
        member(tenant).body("{\"settings\": {\"language\": \"german\"}}").patch("/api/v1/collections/" + c).then()
                .spec(Problems.conflict());
    }

    @Test
    void listingShowsOnlyTheCallersCollections() {
        UUID other = UUID.randomUUID();
        String mine = Api.collection(tenant);
        String theirs = Api.collection(other);
        member(tenant).get("/api/v1/collections?limit=500").then()
                .statusCode(200)
                .body("items.id", hasItem(mine))
                .body("items.id", not(hasItem(theirs)));
    }

    @Test
    void anotherTenantsCollectionIsNotFound() {
        String theirs = Api.collection(UUID.randomUUID());
        member(tenant).get("/api/v1/collections/" + theirs).then().spec(Problems.notFound());
        member(tenant).body("{\"name\": \"mine now\"}").patch("/api/v1/collections/" + theirs).then().spec(Problems.notFound());
        member(tenant).delete("/api/v1/collections/" + theirs).then().spec(Problems.notFound());
        member(tenant).get(Api.documents(theirs)).then().spec(Problems.notFound());
        member(tenant).body("{\"title\": \"t\"}").put(Api.documents(theirs) + "/x").then().spec(Problems.notFound());
        Api.search(tenant, theirs, "{\"q\": \"anything\"}").spec(Problems.notFound());
        member(tenant).get("/api/v1/collections/" + theirs + "/suggest?q=a").then().spec(Problems.notFound());
        member(tenant).get(Api.documents(theirs) + "/export").then().spec(Problems.notFound());
    }

    @Test
    void deletingACollectionDeletesItsDocuments() {
        String c = Api.collection(tenant);
        Api.put(tenant, c, "1", "Gone", "soon");
        member(tenant).delete("/api/v1/collections/" + c).then().statusCode(204);
        member(tenant).get("/api/v1/collections/" + c).then().spec(Problems.notFound());
        member(tenant).get(Api.documents(c) + "/1").then().spec(Problems.notFound());
    }

    @Test
    void viewersReadButDoNotWrite() {
        String c = Api.collection(tenant);
        as(tenant, "viewer").get("/api/v1/collections/" + c).then().statusCode(200);
        as(tenant, "viewer").body("{\"name\": \"v\"}").post("/api/v1/collections").then().spec(Problems.forbidden());
        as(tenant, "viewer").body("{\"title\": \"t\"}").put(Api.documents(c) + "/x").then().spec(Problems.forbidden());
    }

    @Test
    void aMalformedCollectionIdIsABadRequest() {
        member(tenant).get("/api/v1/collections/not-a-uuid").then().spec(Problems.validationFailed());
    }
}
