package dev.flotilla.config;

import dev.flotilla.config.change.ScheduledChanges;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A scheduled change request is applied once when it falls due, however many replicas look for due requests: besides
 * this instance's own job, two more claimers (as other replicas would, each in transactions of its own on the same
 * database) keep applying due requests until it is applied.
 */
@QuarkusTest
class ScheduledChangeRequestsTest {

    @Inject
    ScheduledChanges scheduled;

    private final ConfigApi api = new ConfigApi();

    @Test
    void aScheduledRequestIsAppliedOnceAcrossReplicas() throws Exception {
        String ns = api.namespace();
        Map<String, Object> change = ConfigApi.body("number", 80);
        change.put("key", "port");
        String id = Responses.created(api.admin().body(Map.of("kind", "entries", "namespace", ns, "changes", List.of(change),
                "applyAt", Instant.now().plusSeconds(2).toString())).post("/api/v1/change-requests").then());
        Requests.as("bob", api.tenant, "admin").post("/api/v1/change-requests/" + id + "/approve").then().statusCode(200)
                .body("state", equalTo("SCHEDULED"));
        AtomicBoolean applied = new AtomicBoolean();
        List<CompletableFuture<Void>> replicas = new ArrayList<>();
        for (int replica = 0; replica < 2; replica++) {
            replicas.add(CompletableFuture.runAsync(() -> {
                while (!applied.get()) {
                    scheduled.applyDue().await().atMost(Duration.ofSeconds(10));
                }
            }));
        }
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api.member().get("/api/v1/change-requests/" + id)
                    .then().body("state", equalTo("APPLIED"), "revision", equalTo(1)));
        } finally {
            applied.set(true);
            for (CompletableFuture<Void> replica : replicas) {
                replica.get();
            }
        }
        assertEquals(1, api.index(ns));
        api.member().get("/api/v1/namespaces/" + ns + "/revisions").then().body("items", hasSize(1));
    }
}
