package dev.flotilla.auth;

import dev.flotilla.auth.audit.AuditEvent;
import dev.flotilla.auth.audit.AuditService;
import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Problems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** The tenant's audit trail: what auth-service records, the query API, and events other services report. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditService audit;

    @Test
    void loginsAndFailuresAreRecordedWithAddressAndUserAgent() {
        Api.Tenant tenant = Api.register();
        Api.login(tenant.slug(), tenant.adminEmail(), "wrong-password-1").then().spec(Problems.unauthorized());
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("type", "auth.login.failed").get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].subject", is(tenant.adminEmail()))
                .body("items[0].clientAddress", notNullValue())
                .body("items[0].userAgent", notNullValue())
                .body("items[0].detail.reason", is("wrong-password"));
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("type", "auth.login.succeeded")
                .queryParam("actor", tenant.adminId()).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.size()", greaterThanOrEqualTo(1))
                .body("items.actor", everyItem(is(tenant.adminId())));
    }

    @Test
    void theTrailIsFilteredByTimeAndPagedNewestFirst() {
        Api.Tenant tenant = Api.register();
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("to", "2000-01-01T00:00:00Z").get("/api/v1/audit-events")
                .then()
                .statusCode(200).body("items", hasSize(0));
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("from", Instant.now().minusSeconds(3600).toString())
                .queryParam("limit", 1).get("/api/v1/audit-events").then()
                .statusCode(200).body("items", hasSize(1)).body("nextCursor", notNullValue());
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("from", "yesterday").get("/api/v1/audit-events").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("from"));
    }

    @Test
    void anotherTenantsEventsAreNeverShown() {
        Api.Tenant mine = Api.register();
        Api.Tenant theirs = Api.register();
        Api.client().auth().oauth2(mine.accessToken()).queryParam("actor", theirs.adminId()).get("/api/v1/audit-events").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aServiceRecordsAnEventOfItsOwnInTheTenantsTrail() {
        Api.Tenant tenant = Api.register();
        var client = Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "conversation"))
                .post("/api/v1/clients").then().statusCode(201).extract().response();
        String service = Api.client().auth().preemptive().basic(client.path("clientId"), client.path("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
        Api.client().auth().oauth2(service).contentType(ContentType.JSON)
                .body(Map.of("type", "conversation.deleted", "actor", tenant.adminId(), "subject", "c-1", "detail",
                        Map.of("title", "x")))
                .post("/api/v1/audit-events").then().statusCode(202);
        Api.client().auth().oauth2(service).contentType(ContentType.JSON).body(Map.of("type", "auth.login.succeeded"))
                .post("/api/v1/audit-events").then().spec(Problems.validationFailed());
        Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "conversation.deleted"))
                .post("/api/v1/audit-events").then().spec(Problems.forbidden());
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("type", "conversation.deleted").get("/api/v1/audit-events")
                .then()
                .statusCode(200).body("items", hasSize(1))
                .body("items[0].detail.reportedBy", is((String) client.path("clientId")))
                .body("items[0].detail.title", is("x"));
    }

    @Test
    void userManagementIsAudited() {
        Api.Tenant tenant = Api.register();
        String[] member = Api.userWithRole(tenant, "member");
        Api.client().auth().oauth2(tenant.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("roles", java.util.List.of("viewer")))
                .patch("/api/v1/users/" + member[0]).then().statusCode(200);
        Api.client().auth().oauth2(tenant.accessToken()).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.type", hasItem("auth.user.created"))
                .body("items.type", hasItem("auth.user.roles-changed"))
                .body("items.type", hasItem("auth.tenant.registered"));
    }

    @Test
    void aMemberRefusedAnAdminEndpointIsRecordedAsUnauthorizedAccess() {
        Api.Tenant tenant = Api.register();
        String[] member = Api.userWithRole(tenant, "member");
        given().header("X-Forwarded-For", "10.77.0.9").header("User-Agent", "curious-client/1.0").auth().oauth2(member[1])
                .get("/api/v1/users").then().spec(Problems.forbidden());
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("type", "auth.access.denied").get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].actor", is(member[0]))
                .body("items[0].subject", is("GET /api/v1/users"))
                .body("items[0].clientAddress", is("10.77.0.9"))
                .body("items[0].userAgent", is("curious-client/1.0"))
                .body("items[0].detail.roles", contains("member"));
    }

    @Test
    void aRefusalByAServiceRuleIsRecordedAsUnauthorizedAccessToo() {
        Api.Tenant tenant = Api.register();
        Api.client().auth().oauth2(tenant.accessToken()).post("/api/v1/keys/rotate").then().spec(Problems.forbidden());
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("type", "auth.access.denied").get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].actor", is(tenant.adminId()))
                .body("items[0].subject", is("POST /api/v1/keys/rotate"));
    }

    @Test
    void retentionDeletesEventsOlderThanTheRetentionPeriodOnly() throws Throwable {
        Api.Tenant tenant = Api.register();
        AuditEvent old = new AuditEvent();
        old.id = Ids.next();
        old.tenantId = java.util.UUID.fromString(tenant.id());
        old.type = "conversation.archived";
        old.occurredAt = Instant.now().minus(java.time.Duration.ofDays(400));
        old.detail = Map.of();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(old::persist));
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("type", "conversation.archived").get("/api/v1/audit-events")
                .then()
                .body("items", hasSize(1));

        VertxContextSupport.subscribeAndAwait(() -> audit.applyRetention());

        Api.client().auth().oauth2(tenant.accessToken()).queryParam("type", "conversation.archived").get("/api/v1/audit-events")
                .then()
                .body("items", hasSize(0));
        Api.client().auth().oauth2(tenant.accessToken()).queryParam("type", "auth.tenant.registered")
                .get("/api/v1/audit-events").then()
                .body("items", hasSize(1));
    }
}
