package dev.flotilla.health;

import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

/** A tenant's status page settings: who publishes it, at which address, and what is refused. */
@QuarkusTest
class StatusPageApiTest {

    static final String SETTINGS = "/api/v1/status-page";

    private final UUID tenant = Ids.next();
    private final String slug = "shop-" + tenant.toString().substring(24);

    @Test
    void aPublishedPageIsAnsweredWithItsAddressAndETag() {
        Requests.as(tenant, "admin").body(Map.of("slug", slug, "title", "Shop", "enabled", true, "groups", List.of("web")))
                .put(SETTINGS).then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("slug", is(slug))
                .body("path", is("/status/" + slug))
                .body("groups", contains("web"))
                .body("includePlatform", is(false));
        Requests.as(tenant, "viewer").get(SETTINGS).then().statusCode(200).body("title", is("Shop"));
    }

    @Test
    void aChangeOfAnotherVersionIsPreconditionFailed() {
        Requests.as(tenant, "admin").body(Map.of("slug", slug, "title", "Shop", "enabled", true)).put(SETTINGS).then()
                .statusCode(200);
        Requests.as(tenant, "admin").header("If-Match", "\"1\"").body(Map.of("slug", slug, "title", "Shop 2", "enabled", true))
                .put(SETTINGS).then().statusCode(200).header("ETag", "\"2\"");
        Requests.as(tenant, "admin").header("If-Match", "\"1\"").body(Map.of("slug", slug, "title", "Shop 3", "enabled", true))
                .put(SETTINGS).then().spec(Problems.preconditionFailed());
    }

    @Test
    void anAddressAnotherTenantHasIsAConflict() {
        Requests.as(tenant, "admin").body(Map.of("slug", slug, "title", "Shop", "enabled", true)).put(SETTINGS).then()
                .statusCode(200);
        Requests.as(Ids.next(), "admin").body(Map.of("slug", slug, "title", "Other", "enabled", true)).put(SETTINGS).then()
                .spec(Problems.conflict());
    }

    @Test
    void aMalformedAddressIsRefusedNamingIt() {
        Requests.as(tenant, "admin").body(Map.of("slug", "Not A Slug", "title", "Shop", "enabled", true)).put(SETTINGS).then()
                .spec(Problems.validationFailed())
                .body("errors.field", contains("slug"));
    }

    @Test
    void membersAndViewersDoNotPublish() {
        for (String role : List.of("member", "viewer")) {
            Requests.as(tenant, role).body(Map.of("slug", slug, "title", "Shop", "enabled", true)).put(SETTINGS).then()
                    .spec(Problems.forbidden());
        }
    }

    @Test
    void aDeletedOrUnpublishedPageIsNotFoundAtItsAddress() {
        Requests.as(tenant, "admin").body(Map.of("slug", slug, "title", "Shop", "enabled", false)).put(SETTINGS).then()
                .statusCode(200);
        given().get("/status/" + slug).then().spec(Problems.notFound());
        Requests.as(tenant, "admin").body(Map.of("slug", slug, "title", "Shop", "enabled", true)).put(SETTINGS).then()
                .statusCode(200);
        given().get("/status/" + slug).then().statusCode(200);
        Requests.as(tenant, "admin").delete(SETTINGS).then().statusCode(204);
        given().get("/status/" + slug).then().spec(Problems.notFound());
        Requests.as(tenant, "admin").get(SETTINGS).then().spec(Problems.notFound());
    }
}
