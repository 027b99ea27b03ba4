package dev.flotilla.health.check;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import dev.flotilla.health.registry.Target;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replicas share targets through leases in the database: a target is checked by one replica at a time, once per
 * interval, and one whose replica stopped mid-check is taken by another when its turn comes. Each claimer here plays a
 * replica: its own lease holder, its own transactions, beside this service's running checker.
 */
@QuarkusTest
class CheckLeaseTest {

    private static final String TARGETS = "/api/v1/targets";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Db db;

    private final UUID tenant = Ids.next();

    /** A target that is not checked until {@link #enableAll} (so that the claimers race the checker from one moment). */
    private String createDisabled(String name, String interval, String timeout) {
        return Responses.created(Requests.as(tenant, "admin").body(Map.of("name", name, "url", "http://127.0.0.1:9/",
                "interval", interval, "timeout", timeout, "enabled", false)).post(TARGETS).then());
    }

    private Uni<Void> enableAll(SqlConnection tx) {
        return tx.preparedQuery("update health.targets set enabled = true where tenant_id = $1").execute(Tuple.of(tenant))
                .replaceWithVoid();
    }

    private List<Map<String, Object>> results(String id) {
        return Requests.as(tenant, "admin").get(TARGETS + "/" + id + "/results").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    /** Claims as {@code replica} until a few claims in a row find nothing of this tenant; answers what it got. */
    private List<UUID> claimAll(String replica, CyclicBarrier start) throws Exception {
        start.await(10, TimeUnit.SECONDS);
        List<UUID> claimed = new ArrayList<>();
        for (int empty = 0; empty < 5;) {
            List<CheckSql.Claimed> round = db.tx(tx -> CheckSql.claim(tx, Instant.now(), 3, replica, Duration.ofSeconds(2)))
                    .await().atMost(WAIT);
            List<UUID> ours = round.stream().map(CheckSql.Claimed::target).filter(target -> tenant.equals(target.tenant()))
                    .map(Target::id).toList();
            claimed.addAll(ours);
            empty = ours.isEmpty() ? empty + 1 : 0;
        }
        return claimed;
    }

    @Test
    void replicasClaimingAtOnceNeverTakeOneTargetTwiceInAnInterval() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            ids.add(createDisabled("shared-" + i, "1h", "2s"));
        }
        db.tx(this::enableAll).await().atMost(WAIT);
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<List<UUID>> a = CompletableFuture.supplyAsync(() -> claimed(() -> claimAll("replica-a", start)));
        CompletableFuture<List<UUID>> b = CompletableFuture.supplyAsync(() -> claimed(() -> claimAll("replica-b", start)));
        List<UUID> byA = a.get(60, TimeUnit.SECONDS);
        List<UUID> byB = b.get(60, TimeUnit.SECONDS);
        List<String> byClaimers = new ArrayList<>();
        byA.forEach(id -> byClaimers.add(id.toString()));
        byB.forEach(id -> byClaimers.add(id.toString()));
        assertEquals(new HashSet<>(byClaimers).size(), byClaimers.size(), "no target claimed twice: " + byClaimers);

        // What the claimers did not take, this service's own checker did: each checked exactly once.
        await().atMost(WAIT).until(() -> ids.stream().filter(id -> !byClaimers.contains(id)).allMatch(id -> !results(id)
                .isEmpty()));
        for (String id : ids) {
            assertEquals(byClaimers.contains(id) ? 0 : 1, results(id).size(), "checks of " + id);
        }
    }

    @Test
    void aStoppedReplicasTargetIsCheckedByAnotherAtItsNextTurn() {
        String id = createDisabled("orphan", "2s", "500ms");
        // Enabled and claimed in one transaction, so that the stopped replica, not the running checker, holds it first.
        Instant claimedAt = Instant.now();
        List<CheckSql.Claimed> claimed = db.tx(tx -> enableAll(tx)
                .chain(() -> CheckSql.claim(tx, claimedAt, 1000, "replica-stopped", Duration.ofSeconds(2))))
                .await().atMost(WAIT);
        assertTrue(claimed.stream().anyMatch(claim -> claim.target().id().toString().equals(id)), "claimed: " + claimed);
        // The stopped replica never records its check; the running checker takes the target when its turn comes.
        Map<String, Object> next = await().atMost(WAIT).until(() -> results(id).stream()
                .filter(result -> Instant.parse((String) result.get("at")).isAfter(claimedAt)).reduce((x, y) -> y)
                .orElse(null), result -> result != null);
        Instant at = Instant.parse((String) next.get("at"));
        assertTrue(!at.isBefore(claimedAt.plusSeconds(1)), "not checked again within its interval: claimed at " + claimedAt
                + ", checked at " + at);
    }

    private interface Claims {
        List<UUID> run() throws Exception;
    }

    private static List<UUID> claimed(Claims claims) {
        try {
            return claims.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
