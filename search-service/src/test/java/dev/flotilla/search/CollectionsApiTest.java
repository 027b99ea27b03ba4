package dev.flotilla.search;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.flotilla.search.Api.as;
import static dev.flotilla.search.Api.member;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CollectionsApiTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aNewCollectionHasDefaultSettingsAndALocation() {
        member(tenant).body("{\"name\": \"handbook\"}").post("/api/v1/collections").then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/collections/"))
                .body("name", is("handbook"))
                .body("settings.language", is("english"))
                .body("settings.fieldWeights.title", is(2.0f))
                .body("settings.chunkSize", is(1000))
                .body("documentCount", is(0));
    }

    @Test
    void settingsAreValidated() {
        member(tenant).body("{\"name\": \"x\", \"settings\": {\"language\": \"klingon\"}}").post("/api/v1/collections").then()
                .statusCode(400).body("errors[0].field", is("settings.language"));
        member(tenant).body("{\"name\": \"y\", \"settings\": {\"chunkSize\": 200, \"chunkOverlap\": 150}}").post("/api/v1/collections").then()
                .statusCode(400).body("errors[0].field", is("settings.chunkOverlap"));
        member(tenant).body("{\"name\": \"z\", \"settings\": {\"fieldWeights\": {\"title\": 0, \"body\": 1}}}").post("/api/v1/collections").then()
                .statusCode(400);
    }

    @Test
    void aSecondCollectionWithTheSameNameIsAConflict() {
        member(tenant).body("{\"name\": \"twins\"}").post("/api/v1/collections").then().statusCode(201);
        member(tenant).body("{\"name\": \"twins\"}").post("/api/v1/collections").then().statusCode(409);
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
                .statusCode(409);
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
        member(tenant).get("/api/v1/collections/" + theirs).then().statusCode(404).body("type", is("urn:flotilla:problem:not-found"));
        member(tenant).body("{\"name\": \"mine now\"}").patch("/api/v1/collections/" + theirs).then().statusCode(404);
        member(tenant).delete("/api/v1/collections/" + theirs).then().statusCode(404);
        member(tenant).get(Api.documents(theirs)).then().statusCode(404);
        member(tenant).body("{\"title\": \"t\"}").put(Api.documents(theirs) + "/x").then().statusCode(404);
        Api.search(tenant, theirs, "{\"q\": \"anything\"}").statusCode(404);
        member(tenant).get("/api/v1/collections/" + theirs + "/suggest?q=a").then().statusCode(404);
        member(tenant).get(Api.documents(theirs) + "/export").then().statusCode(404);
    }

    @Test
    void deletingACollectionDeletesItsDocuments() {
        String c = Api.collection(tenant);
        Api.put(tenant, c, "1", "Gone", "soon");
        member(tenant).delete("/api/v1/collections/" + c).then().statusCode(204);
        member(tenant).get("/api/v1/collections/" + c).then().statusCode(404);
        member(tenant).get(Api.documents(c) + "/1").then().statusCode(404);
    }

    @Test
    void viewersReadButDoNotWrite() {
        String c = Api.collection(tenant);
        as(tenant, "viewer").get("/api/v1/collections/" + c).then().statusCode(200);
        as(tenant, "viewer").body("{\"name\": \"v\"}").post("/api/v1/collections").then().statusCode(403);
        as(tenant, "viewer").body("{\"title\": \"t\"}").put(Api.documents(c) + "/x").then().statusCode(403);
    }

    @Test
    void aMalformedCollectionIdIsABadRequest() {
        member(tenant).get("/api/v1/collections/not-a-uuid").then().statusCode(400);
    }
}
