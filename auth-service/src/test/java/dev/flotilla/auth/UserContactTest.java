package dev.flotilla.auth;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.is;

/** A user's contact, for the services that send them messages. */
@QuarkusTest
class UserContactTest {

    @Test
    void aServiceOfTheTenantReadsAUsersContact() {
        Api.Tenant tenant = Api.register();
        String[] member = Api.userWithRole(tenant, "member");
        String service = Api.serviceToken(Api.createClient(tenant));
        Api.client().auth().oauth2(service).get("/api/v1/users/" + member[0] + "/contact").then()
                .statusCode(200)
                .body("id", is(member[0]), "tenantId", is(tenant.id()), "email", is(member[3]),
                        "displayName", is("A member"), "status", is("active"));
    }

    @Test
    void anotherTenantsUserIsNotFound() {
        Api.Tenant tenant = Api.register();
        Api.Tenant other = Api.register();
        String service = Api.serviceToken(Api.createClient(tenant));
        Api.client().auth().oauth2(service).get("/api/v1/users/" + other.adminId() + "/contact").then()
                .spec(Problems.notFound());
    }

    @Test
    void aMemberMayNotReadContacts() {
        Api.Tenant tenant = Api.register();
        String[] member = Api.userWithRole(tenant, "member");
        Api.client().auth().oauth2(member[1]).get("/api/v1/users/" + tenant.adminId() + "/contact").then()
                .spec(Problems.forbidden());
    }

    @Test
    void aMissingUserIsNotFound() {
        Api.Tenant tenant = Api.register();
        String service = Api.serviceToken(Api.createClient(tenant));
        Api.client().auth().oauth2(service).get("/api/v1/users/" + UUID.randomUUID() + "/contact").then()
                .spec(Problems.notFound());
    }
}
