package dev.flotilla.auth;

import dev.flotilla.common.identity.Roles;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Administrators manage the users of their own tenant, and no other; a tenant keeps an administrator. */
@QuarkusTest
class UserAdministrationTest {

    @Test
    void anAdminCreatesAUserWithAGeneratedPasswordShownOnce() {
        Api.Tenant tenant = Api.register();
        String email = "gen-" + UUID.randomUUID() + "@example.com";
        var creation = Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "displayName", "Gen", "roles", List.of("member")))
                .post("/api/v1/users").then();
        Responses.created(creation);
        var created = creation.header("Location", containsString("/api/v1/users/"))
                .body("generatedPassword", notNullValue())
                .extract().response();
        Api.login(tenant.slug(), email, created.path("generatedPassword")).then().statusCode(200);
        Api.client().auth().oauth2(tenant.accessToken()).get("/api/v1/users/" + created.path("id")).then()
                .statusCode(200).body("generatedPassword", nullValue()).body("roles", is(List.of("member")));
    }

    @Test
    void aDuplicateEmailInTheTenantIsAConflict() {
        Api.Tenant tenant = Api.register();
        Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("email", tenant.adminEmail(), "displayName", "Again", "roles", List.of("member")))
                .post("/api/v1/users").then().spec(Problems.conflict());
    }

    @Test
    void theUserListPagesAndFiltersByRoleStatusAndEmailPrefix() {
        Api.Tenant tenant = Api.register();
        for (int i = 0; i < 3; i++) {
            Api.userWithRole(tenant, "viewer");
        }
        Api.userWithRole(tenant, "member");
        var first = Api.client().auth().oauth2(tenant.accessToken()).queryParam("limit", 2).get("/api/v1/users").then()
                .statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().response();
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("limit", 2)
                .queryParam("cursor", (String) first.path("nextCursor"))
                .get("/api/v1/users").then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue());
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("role", "viewer").get("/api/v1/users").then()
                .statusCode(200).body("items", hasSize(3)).body("items.roles", everyItem(hasItem("viewer")));
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("email", "MEMBER-").get("/api/v1/users").then()
                .statusCode(200).body("items", hasSize(1));
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("status", "disabled").get("/api/v1/users").then()
                .statusCode(200).body("items", hasSize(0));
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("role", "owner").get("/api/v1/users").then()
                .spec(Problems.validationFailed());
    }

    @Test
    void anotherTenantsUserIsNotFound() {
        Api.Tenant mine = Api.register();
        Api.Tenant theirs = Api.register();
        String path = "/api/v1/users/" + theirs.adminId();
        Api.client().auth().oauth2(mine.accessToken()).get(path).then().spec(Problems.notFound());
        Api.client().auth().oauth2(mine.accessToken()).contentType(ContentType.JSON).body(Map.of("displayName", "Hijacked"))
                .patch(path).then().spec(Problems.notFound());
        Api.client().auth().oauth2(mine.accessToken()).delete(path).then().spec(Problems.notFound());
        Api.client().auth().oauth2(mine.accessToken()).get("/api/v1/users/" + UUID.randomUUID()).then()
                .spec(Problems.notFound());
    }

    @Test
    void aMalformedUserIdIsABadRequest() {
        Api.Tenant tenant = Api.register();
        Api.client().auth().oauth2(tenant.accessToken()).get("/api/v1/users/not-a-uuid").then()
                .spec(Problems.validationFailed());
    }

    @Test
    void theLastAdminCannotBeDemotedDisabledOrDeleted() {
        Api.Tenant tenant = Api.register();
        String path = "/api/v1/users/" + tenant.adminId();
        Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON).body(Map.of("roles", List.of("member")))
                .patch(path).then().spec(Problems.conflict());
        Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                .patch(path).then().spec(Problems.conflict());
        Api.client().auth().oauth2(tenant.accessToken()).delete(path).then().spec(Problems.conflict());
    }

    @Test
    void anAdminCanBeDemotedOnceAnotherAdminExists() {
        Api.Tenant tenant = Api.register();
        String[] second = Api.userWithRole(tenant, "admin");
        Api.client().auth().oauth2(second[1]).contentType(ContentType.JSON).body(Map.of("roles", List.of("member")))
                .patch("/api/v1/users/" + tenant.adminId()).then().statusCode(200).body("roles", is(List.of("member")));
    }

    @Test
    void disablingAUserEndsTheirSessionsAndLogins() {
        Api.Tenant tenant = Api.register();
        String[] member = Api.userWithRole(tenant, "member");
        Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                .patch("/api/v1/users/" + member[0]).then().statusCode(200).body("status", is("disabled"));
        Api.client().contentType(ContentType.JSON).body(Map.of("refreshToken", member[2])).post("/api/v1/auth/refresh").then()
                .spec(Problems.unauthorized());
        Api.login(tenant.slug(), member[3], Api.PASSWORD).then().spec(Problems.unauthorized());
    }

    @Test
    void aDeletedUserIsGone() {
        Api.Tenant tenant = Api.register();
        String[] member = Api.userWithRole(tenant, "member");
        Api.client().auth().oauth2(tenant.accessToken()).delete("/api/v1/users/" + member[0]).then().statusCode(204);
        Api.client().auth().oauth2(tenant.accessToken()).get("/api/v1/users/" + member[0]).then().spec(Problems.notFound());
    }

    @Test
    void aMemberCannotAdministerUsers() {
        Api.Tenant tenant = Api.register();
        Requests.as(UUID.fromString(tenant.id()), Roles.MEMBER).get("/api/v1/users").then().spec(Problems.forbidden());
    }

    @Test
    void aUserReadsAndRenamesThemself() {
        Api.Tenant tenant = Api.register();
        String[] viewer = Api.userWithRole(tenant, "viewer");
        Api.client().auth().oauth2(viewer[1]).get("/api/v1/users/me").then().statusCode(200).body("id", is(viewer[0]));
        Api.client().auth().oauth2(viewer[1]).contentType(ContentType.JSON).body(Map.of("displayName", "New Name"))
                .patch("/api/v1/users/me").then().statusCode(200).body("displayName", is("New Name"));
        Api.client().auth().oauth2(viewer[1]).contentType(ContentType.JSON).body(Map.of("roles", List.of("admin")))
                .patch("/api/v1/users/me").then().spec(Problems.validationFailed());
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionButThisOne() {
        Api.Tenant tenant = Api.register();
        String otherRefresh = Api.login(tenant.slug(), tenant.adminEmail(), Api.PASSWORD).then().extract().path("refreshToken");
        Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "an-even-longer-passphrase"))
                .put("/api/v1/users/me/password").then().statusCode(204);
        Api.client().contentType(ContentType.JSON).body(Map.of("refreshToken", otherRefresh)).post("/api/v1/auth/refresh")
                .then()
                .spec(Problems.unauthorized());
        Api.client().contentType(ContentType.JSON).body(Map.of("refreshToken", tenant.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(200);
        Api.login(tenant.slug(), tenant.adminEmail(), "an-even-longer-passphrase").then().statusCode(200);
    }

    @Test
    void aWrongCurrentPasswordDoesNotChangeThePassword() {
        Api.Tenant tenant = Api.register();
        Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not-the-password", "newPassword", "an-even-longer-passphrase"))
                .put("/api/v1/users/me/password").then().spec(Problems.validationFailed())
                .body("errors[0].field", is("currentPassword"));
        Api.login(tenant.slug(), tenant.adminEmail(), Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void aUserListsAndEndsTheirOwnSessionsOnly() {
        Api.Tenant tenant = Api.register();
        Api.login(tenant.slug(), tenant.adminEmail(), Api.PASSWORD).then().statusCode(200);
        var sessions = Api.client().auth().oauth2(tenant.accessToken()).get("/api/v1/users/me/sessions").then()
                .statusCode(200).body("items", hasSize(2)).body("items.findAll { it.current }", hasSize(1)).extract()
                .response();
        String other = sessions.path("items.find { !it.current }.id");
        Api.Tenant stranger = Api.register();
        Api.client().auth().oauth2(stranger.accessToken()).delete("/api/v1/users/me/sessions/" + other).then()
                .spec(Problems.notFound());
        Api.client().auth().oauth2(tenant.accessToken()).delete("/api/v1/users/me/sessions/" + other).then().statusCode(204);
        Api.client().auth().oauth2(tenant.accessToken()).get("/api/v1/users/me/sessions").then().body("items", hasSize(1));
    }
}
