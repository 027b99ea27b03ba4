package dev.flotilla.config;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.flotilla.config.FlagDefinitions.booleanFlag;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ChangeRequestApiTest {

    private static final String REQUESTS = "/api/v1/change-requests";

    private final ConfigApi api = new ConfigApi();
    private String ns;

    @BeforeEach
    void createNamespace() {
        ns = api.namespace();
    }

    /** A second admin of the tenant, who did not open the requests. */
    private RequestSpecification otherAdmin() {
        return Requests.as("bob", api.tenant, "admin");
    }

    private void requireApproval(String namespace) {
        api.admin().body(Map.of("requiresApproval", true)).patch("/api/v1/namespaces/" + namespace).then().statusCode(200)
                .body("requiresApproval", equalTo(true));
    }

    private static Map<String, Object> put(String key, String env, String type, Object value) {
        Map<String, Object> change = ConfigApi.body(type, value);
        change.put("key", key);
        if (env != null) {
            change.put("env", env);
        }
        return change;
    }

    private static Map<String, Object> entries(String namespace, Object... changes) {
        Map<String, Object> request = new HashMap<>();
        request.put("kind", "entries");
        request.put("namespace", namespace);
        request.put("changes", List.of(changes));
        request.put("message", "two settings together");
        return request;
    }

    /** Opens the request as the admin ada; its id. */
    private String open(Map<String, Object> request) {
        return Responses.created(api.admin().body(request).post(REQUESTS).then());
    }

    @Test
    void aDirectWriteToANamespaceThatRequiresApprovalIsAConflictThatSaysToOpenAChangeRequest() {
        requireApproval(ns);
        api.admin().body(ConfigApi.body("number", 80)).put(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.conflict()).body("detail", containsString("open a change request"));
        api.member().get(ConfigApi.entry(ns, "port")).then().spec(Problems.notFound());
    }

    @Test
    void aDirectWriteToAnEnvironmentThatRequiresApprovalIsAConflict() {
        api.admin().body(Map.of("requiresApproval", true)).patch("/api/v1/environments/prod").then().statusCode(200)
                .body("requiresApproval", equalTo(true));
        api.admin().queryParam("env", "prod").body(ConfigApi.body("number", 80)).put(ConfigApi.entry(ns, "port")).then()
                .spec(Problems.conflict()).body("detail", containsString("prod"));
        api.admin().queryParam("env", "dev").body(ConfigApi.body("number", 80)).put(ConfigApi.entry(ns, "port")).then()
                .statusCode(201);
    }

    @Test
    void aServiceWritesDirectlyIntoANamespaceThatRequiresApproval() {
        requireApproval(ns);
        api.service().body(ConfigApi.body("number", 80)).put(ConfigApi.entry(ns, "port")).then().statusCode(201);
    }

    @Test
    void aDirectFlagWriteInAnEnvironmentThatRequiresApprovalIsAConflict() {
        api.admin().body(Map.of("requiresApproval", true)).patch("/api/v1/environments/prod").then().statusCode(200);
        api.admin().body(booleanFlag(true)).put("/api/v1/flags/checkout?env=prod").then()
                .spec(Problems.conflict()).body("detail", containsString("change request"));
    }

    @Test
    void anOpenedRequestIsOpenWithItsAuthorAndChanges() {
        requireApproval(ns);
        String id = open(entries(ns, put("port", null, "number", 80), put("host", "prod", "string", "db")));
        api.member().get(REQUESTS + "/" + id).then().statusCode(200)
                .body("state", equalTo("OPEN"), "kind", equalTo("entries"), "namespace", equalTo(ns), "author", equalTo("ada"),
                        "createdAt", notNullValue(), "applyAt", nullValue(), "message", equalTo("two settings together"),
                        "changes.key", containsInAnyOrder("port", "host"), "changes[1].env", equalTo("prod"),
                        "changes[1].entry.value", equalTo("db"), "changes[1].action", equalTo("put"));
        api.member().queryParam("state", "OPEN").queryParam("namespace", ns).get(REQUESTS).then().statusCode(200)
                .body("items.id", containsInAnyOrder(id));
    }

    @Test
    void theAuthorCannotApproveTheirOwnRequest() {
        String id = open(entries(ns, put("port", null, "number", 80)));
        api.admin().post(REQUESTS + "/" + id + "/approve").then().spec(Problems.forbidden())
                .body("detail", containsString("another admin"));
        api.member().get(REQUESTS + "/" + id).then().body("state", equalTo("OPEN"));
    }

    @Test
    void anotherAdminsApprovalAppliesEveryChangeAsOneRevision() {
        requireApproval(ns);
        String id = open(entries(ns, put("port", null, "number", 80), put("host", "prod", "string", "db")));
        otherAdmin().post(REQUESTS + "/" + id + "/approve").then().statusCode(200)
                .body("state", equalTo("APPLIED"), "revision", equalTo(1), "reviewedBy", equalTo("bob"),
                        "appliedAt", notNullValue());
        api.member().get(ConfigApi.entry(ns, "port")).then().statusCode(200).body("value", equalTo(80));
        api.member().queryParam("env", "prod").get(ConfigApi.entry(ns, "host")).then().statusCode(200)
                .body("value", equalTo("db"), "updatedBy", equalTo("ada"));
        assertEquals(1, api.index(ns));
        api.member().get("/api/v1/namespaces/" + ns + "/revisions/1").then().statusCode(200)
                .body("changes", hasSize(2), "author", equalTo("ada"), "message", containsString(id));
    }

    @Test
    void aChangeThatNoLongerAppliesFailsTheWholeRequestAndNothingIsWritten() {
        api.put(ns, "port", null, ConfigApi.body("number", 80)).statusCode(201);
        String id = open(entries(ns, put("port", null, "number", 81), put("host", null, "string", "db")));
        api.put(ns, "port", null, ConfigApi.body("number", 82)).statusCode(200);
        otherAdmin().post(REQUESTS + "/" + id + "/approve").then().statusCode(200)
                .body("state", equalTo("FAILED"), "reason", containsString("\"2\""), "revision", nullValue());
        api.member().get(ConfigApi.entry(ns, "port")).then().body("value", equalTo(82));
        api.member().get(ConfigApi.entry(ns, "host")).then().spec(Problems.notFound());
        assertEquals(2, api.index(ns));
    }

    @Test
    void aRejectedRequestIsNeverApplied() {
        String id = open(entries(ns, put("port", null, "number", 80)));
        otherAdmin().body(Map.of("reason", "not before the release")).post(REQUESTS + "/" + id + "/reject").then()
                .statusCode(200).body("state", equalTo("REJECTED"), "reason", equalTo("not before the release"),
                        "reviewedBy", equalTo("bob"));
        otherAdmin().post(REQUESTS + "/" + id + "/approve").then().spec(Problems.conflict());
        assertEquals(0, api.index(ns));
    }

    @Test
    void onlyItsAuthorCancelsARequest() {
        String id = open(entries(ns, put("port", null, "number", 80)));
        otherAdmin().post(REQUESTS + "/" + id + "/cancel").then().spec(Problems.forbidden());
        api.admin().post(REQUESTS + "/" + id + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        otherAdmin().post(REQUESTS + "/" + id + "/approve").then().spec(Problems.conflict());
    }

    @Test
    void anInvalidChangeIsRefusedWhenTheRequestIsOpened() {
        api.admin().body(entries(ns, put("port", null, "number", 80), put("host", null, "number", "db"))).post(REQUESTS)
                .then().spec(Problems.unprocessable()).body("errors[0].field", equalTo("changes[1].value"));
        api.member().queryParam("namespace", ns).get(REQUESTS).then().body("items", hasSize(0));
    }

    @Test
    void aChangeRequestOfFlagsIsApplied() {
        api.admin().body(Map.of("requiresApproval", true)).patch("/api/v1/environments/prod").then().statusCode(200);
        Map<String, Object> change = new HashMap<>();
        change.put("key", "checkout");
        change.put("definition", booleanFlag(true));
        String id = Responses.created(api.admin()
                .body(Map.of("kind", "flags", "environment", "prod", "changes", List.of(change), "message", "launch"))
                .post(REQUESTS).then());
        otherAdmin().post(REQUESTS + "/" + id + "/approve").then().statusCode(200).body("state", equalTo("APPLIED"),
                "revision", notNullValue());
        api.member().get("/api/v1/flags/checkout?env=prod").then().statusCode(200)
                .body("enabled", equalTo(true), "updatedBy", equalTo("ada"));
    }

    @Test
    void anotherTenantsRequestIsNotFound() {
        String id = open(entries(ns, put("port", null, "number", 80)));
        UUID stranger = UUID.randomUUID();
        Requests.as("eve", stranger, "admin").get(REQUESTS + "/" + id).then().spec(Problems.notFound());
        Requests.as("eve", stranger, "admin").post(REQUESTS + "/" + id + "/approve").then().spec(Problems.notFound());
        api.member().get(REQUESTS + "/" + id).then().body("state", equalTo("OPEN"));
    }
}
