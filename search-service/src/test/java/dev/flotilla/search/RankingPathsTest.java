package dev.flotilla.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.flotilla.search.Api.ids;
import static dev.flotilla.search.Api.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Word queries are ranked in memory over cached posting lists, queries with filters in SQL: both must
 * give the same hits and scores, and a cached list must never outlive a change to the index.
 */
@QuarkusTest
class RankingPathsTest {

    private static final String[] WORDS = { "river", "stone", "bridge", "lantern", "harbor", "meadow", "copper", "violet",
            "signal",
            "engine", "garden", "thunder", "window", "paper", "silver", "orchard", "canyon", "falcon", "marble", "timber" };

    @Inject
    Pool pool;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void inMemoryRankingAgreesWithSqlRanking() {
        String c = Api.collection(tenant);
        Random random = new Random(7);
        Map<String, String> texts = new HashMap<>();
        for (int d = 0; d < 40; d++) {
            String title = text(random, 2 + random.nextInt(4));
            String body = text(random, 10 + random.nextInt(60));
            texts.put("d" + d, title + " " + body);
            Api.put(tenant, c, "d" + d,
                    "{\"title\": %s, \"body\": %s, \"metadata\": {\"n\": %d}}".formatted(quote(title), quote(body), d));
        }
        for (String q : List.of("river", "stone bridge", "lantern OR harbor meadow", "+copper violet", "signal -engine",
                "gard*",
                "thundr window", "paper silver orchard canyon falcon")) {
            JsonPath memory = page(c, q, "", null);
            JsonPath sql = page(c, q, EVERY_DOCUMENT, null);
            assertSameHits(q, sql, memory);
            assertTrue(memory.getString("nextCursor") != null || memory.getLong("total") <= 5, q);
            if (memory.getString("nextCursor") != null) {
                assertSameHits(q, page(c, q, EVERY_DOCUMENT, sql.getString("nextCursor")),
                        page(c, q, "", memory.getString("nextCursor")));
            }
        }
        assertEquals(count(texts, t -> t.contains("river")), page(c, "river", "", null).getLong("total"));
        assertEquals(count(texts, t -> t.contains("copper")), page(c, "+copper violet", "", null).getLong("total"));
        assertEquals(count(texts, t -> t.contains("signal") && !t.contains("engine")),
                page(c, "signal -engine", "", null).getLong("total"));
    }

    @Test
    void aChangeToTheIndexIsRankedRightAway() {
        String c = Api.collection(tenant);
        Api.put(tenant, c, "a", "Zebra crossing", "A zebra crossing near the school.");
        Api.put(tenant, c, "b", "Horses", "Horses graze in the field.");
        assertEquals(List.of("a"), ids(tenant, c, "zebra"));

        Api.member(tenant).body("{\"title\": \"Crossing\", \"body\": \"A crossing near the school.\"}")
                .put(Api.documents(c) + "/a").then().statusCode(200);
        Api.member(tenant).body("{\"title\": \"Horses and a zebra\", \"body\": \"Horses graze in the field.\"}")
                .put(Api.documents(c) + "/b").then().statusCode(200);
        assertEquals(List.of("b"), ids(tenant, c, "zebra"));

        Api.member(tenant).delete(Api.documents(c) + "/b").then().statusCode(204);
        assertEquals(List.of(), ids(tenant, c, "zebra"));
        assertEquals(List.of("a"), ids(tenant, c, "crossing"));
    }

    @Test
    void deletingADocumentOrACollectionRemovesItsPostings() {
        String c = Api.collection(tenant);
        Api.put(tenant, c, "a", "Lanterns", "Paper lanterns over the harbor.");
        Api.put(tenant, c, "b", "Bridges", "Stone bridges over the river.");
        assertEquals(8, postings(c));

        Api.member(tenant).delete(Api.documents(c) + "/a").then().statusCode(204);
        assertEquals(4, postings(c));

        Api.member(tenant).delete("/api/v1/collections/" + c).then().statusCode(204);
        assertEquals(0, postings(c));
    }

    /** A filter every document passes: it sends the same query down the SQL path. */
    private static final String EVERY_DOCUMENT = ", \"filter\": {\"n\": {\"exists\": true}}";

    private JsonPath page(String c, String q, String filter, String cursor) {
        String after = cursor == null ? "" : ", \"cursor\": " + quote(cursor);
        return Api.search(tenant, c, "{\"q\": %s, \"limit\": 5%s%s}".formatted(quote(q), filter, after)).statusCode(200)
                .extract().jsonPath();
    }

    private static void assertSameHits(String q, JsonPath sql, JsonPath memory) {
        assertEquals(sql.getLong("total"), memory.getLong("total"), q);
        assertEquals(sql.getList("hits.id"), memory.getList("hits.id"), q);
        List<Float> sqlScores = sql.getList("hits.score", Float.class);
        List<Float> memoryScores = memory.getList("hits.score", Float.class);
        for (int i = 0; i < sqlScores.size(); i++) {
            assertEquals(sqlScores.get(i), memoryScores.get(i), 1e-3, q);
        }
    }

    private static long count(Map<String, String> texts, Predicate<String> holds) {
        // The words of the test vocabulary contain no other word of it, so substring tests are word tests.
        return texts.values().stream().filter(holds).count();
    }

    private long postings(String collection) {
        return pool.preparedQuery("SELECT count(*) AS n FROM postings WHERE collection_id = $1")
                .execute(Tuple.of(UUID.fromString(collection)))
                .await().indefinitely().iterator().next().getLong("n");
    }

    private static String text(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

}
