package dev.flotilla.config.flag;

import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.flotilla.config.FlagDefinitions.booleanFlag;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Another replica's change, played by writing the database as that replica would (the change and its
 * notification in one transaction), reaches this replica's flags in memory through LISTEN/NOTIFY.
 */
@QuarkusTest
class FlagChangesOfOtherReplicasTest {

    private static final String SWITCH_OFF = """
            update config.flags set definition = jsonb_set(definition, '{enabled}', 'false'),
                   version = nextval('config.flag_versions')
             where tenant_id = $1 and environment = 'prod' and key = $2""";

    @Inject
    Pool pool;

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification evaluation() {
        return Requests.as(tenant, "viewer").header("X-Flotilla-Env", "prod").body(Map.of("context", Map.of()));
    }

    /** The environment's version after the change. */
    private long writeAsAnotherReplica(String key, boolean announce) {
        return pool.withTransaction(connection -> connection.preparedQuery(SWITCH_OFF).execute(Tuple.of(tenant, key))
                .chain(() -> connection.preparedQuery("update config.flag_sets set version = nextval('config.flag_versions')"
                        + " where tenant_id = $1 and environment = 'prod' returning version").execute(Tuple.of(tenant)))
                .chain(rows -> {
                    long version = rows.iterator().next().getLong("version");
                    Uni<?> announced = announce
                            ? connection.preparedQuery("select pg_notify($1, $2)")
                                    .execute(Tuple.of(FlagSnapshots.CHANNEL, tenant + "/prod/" + version))
                            : Uni.createFrom().voidItem();
                    return announced.replaceWith(version);
                }))
                .await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aChangeAnnouncedByAnotherReplicaIsEvaluatedHere() {
        Requests.as(tenant, "admin").body(booleanFlag(true)).put("/api/v1/flags/remote?env=prod").then().statusCode(201);
        evaluation().post("/ofrep/v1/evaluate/flags/remote").then().body("reason", equalTo("STATIC"));
        writeAsAnotherReplica("remote", true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> evaluation().post("/ofrep/v1/evaluate/flags/remote").then()
                .body("reason", equalTo("DISABLED")));
    }

    @Test
    void flagsAreEvaluatedFromMemoryUntilAChangeIsAnnounced() {
        Requests.as(tenant, "admin").body(booleanFlag(true)).put("/api/v1/flags/kept?env=prod").then().statusCode(201);
        evaluation().post("/ofrep/v1/evaluate/flags/kept").then().body("reason", equalTo("STATIC"));
        writeAsAnotherReplica("kept", false);
        evaluation().post("/ofrep/v1/evaluate/flags/kept").then().body("reason", equalTo("STATIC"));
    }

    @Test
    void aRefetchNamingANewerVersionReadsItThoughNoNotificationCame() {
        Requests.as(tenant, "admin").body(booleanFlag(true)).put("/api/v1/flags/signalled?env=prod").then().statusCode(201);
        evaluation().post("/ofrep/v1/evaluate/flags").then().body("flags[0].reason", equalTo("STATIC"));
        long version = writeAsAnotherReplica("signalled", false);
        evaluation().queryParam("flagConfigEtag", String.valueOf(version)).post("/ofrep/v1/evaluate/flags").then()
                .body("flags[0].reason", equalTo("DISABLED"));
    }
}
