package dev.flotilla.policy;

import dev.flotilla.testing.ConcurrentDeletes;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.flotilla.policy.Api.admin;
import static dev.flotilla.policy.Api.create;
import static dev.flotilla.policy.Api.policy;
import static dev.flotilla.policy.Api.question;

/**
 * Every delete endpoint of policy-service raced by four callers, a few rounds each (a race is
 * lost only now and then): one deletes, the others find nothing, and no transaction is left open.
 */
@QuarkusTest
class ConcurrentDeletesApiTest {

    private static final String POLICIES = "/api/v1/policies/";
    private static final String ANY = "[\"*\"]";
    private static final int CALLERS = 4;
    private static final int ROUNDS = 5;

    private final UUID tenant = UUID.randomUUID();

    @AfterEach
    void noConnectionIsLeftInATransaction() {
        ConcurrentDeletes.noConnectionIsLeftInATransaction();
    }

    @Test
    void concurrentDeletesOfAPolicyDeleteItOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            String id = create(tenant, policy("raced-" + round, "r", "allow", ANY, ANY, null));
            ConcurrentDeletes.oneWinsTheOthersAreNotFound(() -> admin(tenant).delete(POLICIES + id), CALLERS);
            admin(tenant).get(POLICIES + id).then().statusCode(404);
        }
    }

    @Test
    void concurrentDeletesOfAPolicyWithIfMatchDeleteItOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            String id = create(tenant, policy("raced-" + round, "r", "allow", ANY, ANY, null));
            ConcurrentDeletes.oneWinsTheOthersAreNotFound(
                    () -> admin(tenant).header("If-Match", "\"1\"").delete(POLICIES + id), CALLERS);
        }
    }

    @Test
    void concurrentDeletesOfAStoredTestDeleteItOnce() {
        String id = create(tenant, policy("raced", "r", "allow", ANY, ANY, null));
        for (int round = 0; round < ROUNDS; round++) {
            String test = admin(tenant)
                    .body("{\"name\": \"anyone-" + round + "\", \"input\": "
                            + question("u", "[]", "read", "report", "r1", "{}") + ", \"expect\": \"ALLOW\"}")
                    .post(POLICIES + id + "/tests").then().statusCode(201).extract().path("id");
            ConcurrentDeletes.oneWinsTheOthersAreNotFound(() -> admin(tenant).delete(POLICIES + id + "/tests/" + test),
                    CALLERS);
        }
        admin(tenant).delete(POLICIES + id).then().statusCode(204);
    }
}
