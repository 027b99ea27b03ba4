package dev.flotilla.config;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A change made by another replica, played by writing the database as that replica would (the entry, its revision
 * and the change's notification in one transaction), ends a blocking query held on this replica.
 */
@QuarkusTest
class WatchOfOtherReplicasTest {

    private static final String ADVANCE = """
            update config.namespaces set last_index = last_index + 1 where tenant_id = $1 and name = $2
            returning id, last_index""";

    private static final String WRITE_ENTRY = """
            update config.entries set value = '"from the other replica"'::json, revision = $3, updated_at = $4
             where tenant_id = $1 and namespace_id = $2 and key = 'greeting' and env = ''""";

    private static final String WRITE_REVISION = """
            insert into config.revisions (tenant_id, namespace_id, number, kind, author, created_at)
            values ($1, $2, $3, 'update', 'other-replica', $4)""";

    private static final String WRITE_CHANGE = """
            insert into config.revision_changes (tenant_id, namespace_id, number, key, env, action, before, after)
            values ($1, $2, $3, 'greeting', '', 'update', null, null)""";

    @Inject
    Pool pool;

    private final ConfigApi api = new ConfigApi();

    private void changeAsAnotherReplica(String ns) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        pool.withTransaction(tx -> tx.preparedQuery(ADVANCE).execute(Tuple.of(api.tenant, ns)).chain(rows -> {
            Row row = rows.iterator().next();
            UUID id = row.getUUID("id");
            long index = row.getLong("last_index");
            return tx.preparedQuery(WRITE_ENTRY).execute(Tuple.of(api.tenant, id, index, now))
                    .chain(() -> tx.preparedQuery(WRITE_REVISION).execute(Tuple.of(api.tenant, id, index, now)))
                    .chain(() -> tx.preparedQuery(WRITE_CHANGE).execute(Tuple.of(api.tenant, id, index)))
                    .chain(() -> tx.preparedQuery("select pg_notify($1, $2)")
                            .execute(Tuple.of("flotilla_config_entries", api.tenant + "/" + id + "/" + index)));
        })).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aBlockingQueryHeldHereReturnsAfterAChangeMadeByAnotherReplica() throws Exception {
        String ns = api.namespace();
        api.put(ns, "greeting", null, ConfigApi.body("string", "hello")).statusCode(201);
        CompletableFuture<ExtractableResponse<Response>> held = CompletableFuture.supplyAsync(() -> api.member()
                .config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 60_000)))
                .get("/api/v1/namespaces/" + ns + "/resolved?index=1&wait=5m").then().extract());
        await().atMost(Duration.ofSeconds(30)).until(() -> WatchApiTest.watches() > 0);
        assertFalse(held.isDone(), "held while the namespace is at the index the caller holds");

        changeAsAnotherReplica(ns);

        ExtractableResponse<Response> answer = held.get(60, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        assertEquals("2", answer.header("X-Flotilla-Index"));
        assertEquals("from the other replica", answer.path("entries.greeting.value"));
    }
}
