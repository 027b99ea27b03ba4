package dev.flotilla.auth;

import dev.flotilla.auth.key.KeyRing;
import dev.flotilla.auth.key.KeyService;
import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rotation of the signing keys: new tokens use the new key, old tokens stay valid until they expire. */
@QuarkusTest
class SigningKeyRotationTest {

    @Inject
    KeyRing keys;

    @Inject
    KeyService keyService;

    @Inject
    Pool pool;

    private static String kidOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void anImmediateRotationSignsWithTheNewKeyAndKeepsTheOldOnePublished() {
        String admin = Api.platformAdminToken();
        String oldKid = kidOf(admin);
        String newKid = given().auth().oauth2(admin).post("/api/v1/keys/rotate?immediate=true").then()
                .statusCode(200).body("retiring", hasItem(oldKid)).extract().path("kid");
        assertNotEquals(oldKid, newKid);

        given().get("/.well-known/jwks.json").then().body("keys.kid", hasItems(oldKid, newKid));
        // A token signed before the rotation is still accepted.
        given().auth().oauth2(admin).get("/api/v1/users/me").then().statusCode(200);
        String fresh = Api.platformAdminToken();
        assertEquals(newKid, kidOf(fresh));
        given().auth().oauth2(fresh).get("/api/v1/keys").then().statusCode(200)
                .body("find { it.kid == '" + oldKid + "' }.state", is("retiring"))
                .body("find { it.kid == '" + newKid + "' }.state", is("signing"));
    }

    @Test
    void aScheduledStyleRotationPublishesTheNewKeyBeforeItSigns() {
        String admin = Api.platformAdminToken();
        String signing = keys.signingKey().kid();
        String pending = given().auth().oauth2(admin).post("/api/v1/keys/rotate").then().statusCode(200).extract().path("kid");
        given().get("/.well-known/jwks.json").then().body("keys.kid", hasItems(signing, pending));
        assertEquals(signing, kidOf(Api.platformAdminToken()));
        List<String> states = given().auth().oauth2(admin).get("/api/v1/keys").then().statusCode(200).extract().path("state");
        assertTrue(states.contains("pending"), states.toString());
        // Leave the suite with an active key signing: rotate at once.
        given().auth().oauth2(admin).post("/api/v1/keys/rotate?immediate=true").then().statusCode(200);
        given().get("/.well-known/jwks.json").then().body("keys.kid", not(hasItem(pending)));
    }

    @Test
    void onlyAdministratorsOfTheDefaultTenantRotateKeys() {
        Api.Tenant tenant = Api.register();
        given().auth().oauth2(tenant.accessToken()).post("/api/v1/keys/rotate").then().spec(Problems.forbidden());
        given().auth().oauth2(tenant.accessToken()).get("/api/v1/keys").then().spec(Problems.forbidden());
        given().post("/api/v1/keys/rotate").then().spec(Problems.unauthorized());
    }

    @Test
    void aRestartWithOnlyTheSigningKeyKeepsIt() throws Throwable {
        VertxContextSupport
                .subscribeAndAwait(() -> pool.query("delete from signing_key where expires_at is not null").execute());
        VertxContextSupport.subscribeAndAwait(() -> keyService.reload());
        assertEquals(1, keys.keys().size());

        assertARestartKeepsTheKeys();
    }

    @Test
    void aRestartDuringARotationKeepsThePendingKeyAndCreatesNone() throws Throwable {
        String admin = Api.platformAdminToken();
        given().auth().oauth2(admin).post("/api/v1/keys/rotate").then().statusCode(200);

        assertARestartKeepsTheKeys();
        // Leave the suite with an active key signing: rotate at once.
        given().auth().oauth2(admin).post("/api/v1/keys/rotate?immediate=true").then().statusCode(200);
    }

    @Test
    void aRestartAfterTheNewKeyActivatedKeepsItAndTheRetiringOne() throws Throwable {
        // An immediate rotation leaves the keys as an activated pending key does: the new one signs, the old one retires.
        String retiring = keys.signingKey().kid();
        given().auth().oauth2(Api.platformAdminToken()).post("/api/v1/keys/rotate?immediate=true").then().statusCode(200);
        assertTrue(kids().contains(retiring));

        assertARestartKeepsTheKeys();
    }

    /** Runs the start-up step again, as a restart of the service does, and checks it changed no key. */
    private void assertARestartKeepsTheKeys() throws Throwable {
        List<String> before = kids();
        String signing = keys.signingKey().kid();

        VertxContextSupport.subscribeAndAwait(() -> keyService.ensureSigningKey());

        assertEquals(before, kids());
        assertEquals(signing, keys.signingKey().kid());
        assertEquals(signing, kidOf(Api.platformAdminToken()));
    }

    private List<String> kids() {
        return keys.keys().stream().map(KeyRing.LoadedKey::kid).toList();
    }

    @Test
    void theScheduledCheckLeavesAFreshKeyAlone() throws Throwable {
        String signing = keys.signingKey().kid();
        Boolean rotated = VertxContextSupport.subscribeAndAwait(() -> keyService.rotateIfDue());
        assertEquals(Boolean.FALSE, rotated);
        assertEquals(signing, keys.signingKey().kid());
    }
}
