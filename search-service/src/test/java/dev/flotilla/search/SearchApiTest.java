package dev.flotilla.search;

import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.flotilla.search.Api.ids;
import static dev.flotilla.search.Api.search;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SearchApiTest {

    private final UUID tenant = UUID.randomUUID();
    private String c;

    @BeforeEach
    void corpus() {
        c = Api.collection(tenant);
        put("cats", "Caring for cats", "Cats need fresh water and a warm place to sleep. A cat sleeps most of the day.",
                "[\"pets\"]", "{\"kind\": \"guide\", \"year\": 2021, \"published\": \"2021-03-01\"}");
        put("dogs", "Dog training",
                "Training a dog takes patience. Dogs learn by repetition and reward; the warm praise helps.",
                "[\"pets\", \"training\"]", "{\"kind\": \"guide\", \"year\": 2023, \"published\": \"2023-06-15\"}");
        put("cafe", "The café guide", "Our favourite café serves coffee and crème brûlée near the station.",
                "[\"food\"]", "{\"kind\": \"review\", \"year\": 2024, \"published\": \"2024-01-20\", \"stars\": 4}");
        put("ml", "Machine learning basics",
                "Neural networks learn representations. Training data matters more than the machine.",
                "[\"tech\"]", "{\"kind\": \"article\", \"year\": 2022}");
        put("mention", "Notes",
                "The word learning appears here once, with machine and learning apart: learning is machine work.",
                "[]", "{}");
    }

    private void put(String id, String title, String body, String tags, String metadata) {
        Api.put(tenant, c, id, """
                {"title": "%s", "body": "%s", "tags": %s, "metadata": %s}""".formatted(title, body, tags, metadata));
    }

    @Test
    void wordsAreStemmedSoAnyFormMatches() {
        assertEquals(List.of("cats"), ids(tenant, c, "sleeping"));
        assertTrue(ids(tenant, c, "trained").contains("dogs"));
    }

    @Test
    void accentsAreFoldedInBothDirections() {
        assertEquals(List.of("cafe"), ids(tenant, c, "cafe"));
        assertEquals(List.of("cafe"), ids(tenant, c, "crême brulee"));
    }

    @Test
    void aTitleMatchRanksAboveABodyMatch() {
        List<String> hits = ids(tenant, c, "machine learning");
        assertEquals("ml", hits.get(0));
        assertTrue(hits.contains("mention"));
    }

    @Test
    void aQuotedPhraseMatchesOnlyAdjacentWordsInOrder() {
        assertEquals(List.of("ml"), ids(tenant, c, "\"machine learning\""));
        assertEquals(List.of(), ids(tenant, c, "\"learning machine\""));
    }

    @Test
    void aMinusExcludesDocumentsWithTheWord() {
        assertEquals(List.of("dogs"), ids(tenant, c, "warm -cat"));
        List<String> hits = ids(tenant, c, "learning -\"neural networks\"");
        assertTrue(hits.contains("mention"));
        assertFalse(hits.contains("ml"));
    }

    @Test
    void orMatchesEitherAndTheAndOperatorRequiresEveryWord() {
        assertEquals(2, ids(tenant, c, "coffee OR patience").size());
        search(tenant, c, "{\"q\": \"warm water\", \"operator\": \"and\"}").statusCode(200).body("hits.id",
                is(List.of("cats")));
        search(tenant, c, "{\"q\": \"warm water OR praise\", \"operator\": \"and\"}").statusCode(200).body("hits", hasSize(2));
    }

    @Test
    void aTrailingStarMatchesWordsByPrefix() {
        List<String> hits = ids(tenant, c, "repet*");
        assertEquals(List.of("dogs"), hits);
        assertTrue(ids(tenant, c, "caf*").contains("cafe"));
    }

    @Test
    void aMisspeltWordStillFindsTheDocument() {
        assertEquals(List.of("dogs"), ids(tenant, c, "pateince"));
        assertEquals(List.of("cafe"), ids(tenant, c, "cofee"));
    }

    @Test
    void aMalformedQueryIsSearchedBestEffortNeverAFailure() {
        for (String q : List.of("\"unclosed phrase", "-", "*", "OR", "((( cat", "\"\"", "+", "cat OR", "- - -", "a\\b",
                "%00'; drop table documents; --")) {
            search(tenant, c, "{\"q\": " + Api.quote(q) + "}").statusCode(200).body("hits", notNullValue());
        }
        assertEquals(List.of("cats"), ids(tenant, c, "\"fresh water"));
        search(tenant, c, "{\"q\": " + Api.quote("x".repeat(3000)) + "}")
                .spec(Problems.validationFailed()).body("errors[0].field", is("q"));
        search(tenant, c, "{\"q\": \"cat\", \"mode\": \"sideways\"}").spec(Problems.validationFailed());
        search(tenant, c, "{\"q\": \"cat\", \"cursor\": \"garbage!\"}").spec(Problems.validationFailed());
    }

    @Test
    void filtersSelectByEqualityInRangeAndExistence() {
        search(tenant, c, "{\"filter\": {\"kind\": \"guide\"}}").statusCode(200).body("total", is(2));
        search(tenant, c, "{\"filter\": {\"kind\": {\"in\": [\"review\", \"article\"]}}}").body("total", is(2));
        search(tenant, c, "{\"filter\": {\"year\": {\"gte\": 2022, \"lte\": 2023}}}").body("total", is(2));
        search(tenant, c, "{\"filter\": {\"published\": {\"gt\": \"2022-01-01\"}}}").body("total", is(2));
        search(tenant, c, "{\"filter\": {\"stars\": {\"exists\": true}}}").body("hits.id", is(List.of("cafe")));
        search(tenant, c, "{\"filter\": {\"stars\": {\"exists\": false}}}").body("total", is(4));
        search(tenant, c, "{\"q\": \"training\", \"filter\": {\"kind\": \"guide\"}}").body("hits.id", is(List.of("dogs")));
        search(tenant, c, "{\"filter\": {\"year\": {\"near\": 1}}}").spec(Problems.validationFailed());
        search(tenant, c, "{\"filter\": [1]}").spec(Problems.validationFailed());
    }

    @Test
    void aFilterNumberOutOfRangeIsRefusedNamingTheCondition() {
        for (String number : List.of("1e309", "-1e309")) {
            search(tenant, c, "{\"filter\": {\"year\": {\"gte\": " + number + "}}}")
                    .spec(Problems.validationFailed())
                    .body("errors[0].field", is("filter.year.gte"))
                    .body("errors[0].message", is("the number is out of range"));
        }
        search(tenant, c, "{\"filter\": {\"year\": 1e309}}").spec(Problems.validationFailed())
                .body("errors[0].field", is("filter.year"));
        search(tenant, c, "{\"filter\": {\"year\": {\"in\": [2021, 1e309]}}}").spec(Problems.validationFailed())
                .body("errors[0].field", is("filter.year.in"));
        Api.member(tenant).queryParam("filter", "{\"year\": {\"lt\": 1e309}}").get(Api.documents(c)).then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("filter.year.lt"));
    }

    @Test
    void tagsMustAllBePresent() {
        search(tenant, c, "{\"tags\": [\"pets\"]}").body("total", is(2));
        search(tenant, c, "{\"tags\": [\"pets\", \"training\"]}").body("hits.id", is(List.of("dogs")));
    }

    @Test
    void facetsCountValuesOverAllMatches() {
        search(tenant, c, "{\"q\": \"\", \"limit\": 1, \"facets\": [\"kind\", \"tags\"]}").statusCode(200)
                .body("total", is(5))
                .body("facets.kind.find { it.value == 'guide' }.count", is(2))
                .body("facets.kind.find { it.value == 'review' }.count", is(1))
                .body("facets.tags.find { it.value == 'pets' }.count", is(2));
        search(tenant, c, "{\"q\": \"warm\", \"facets\": [\"kind\"]}")
                .body("facets.kind", hasSize(1))
                .body("facets.kind[0].count", is(2));
    }

    @Test
    void snippetsMarkTheMatchedWords() {
        search(tenant, c, "{\"q\": \"patience\"}").statusCode(200)
                .body("hits[0].snippet", containsString("<mark>patience</mark>"))
                .body("hits[0].title", is("Dog training"))
                .body("hits[0].metadata.year", is(2023));
        search(tenant, c, "{\"q\": \"patience\", \"highlight\": false}")
                .body("hits[0].snippet", containsString("takes patience."));
    }

    @Test
    void pagesFollowTheCursorWithoutOverlap() {
        List<String> first = search(tenant, c, "{\"q\": \"\", \"limit\": 2}").body("total", is(5)).extract().path("hits.id");
        String next = search(tenant, c, "{\"q\": \"\", \"limit\": 2}").extract().path("nextCursor");
        List<String> second = search(tenant, c, "{\"q\": \"\", \"limit\": 2, \"cursor\": \"" + next + "\"}").extract()
                .path("hits.id");
        assertEquals(2, second.size());
        assertFalse(first.stream().anyMatch(second::contains));
        String last = search(tenant, c, "{\"q\": \"\", \"limit\": 4}").extract().path("nextCursor");
        search(tenant, c, "{\"q\": \"\", \"limit\": 4, \"cursor\": \"" + last + "\"}").body("hits", hasSize(1))
                .body("nextCursor", nullValue());
    }

    @Test
    void aListingWithoutWordsHoldsEveryDocumentInTheOrderAddedWithAnExactTotal() {
        search(tenant, c, "{\"q\": \"\", \"limit\": 3}").statusCode(200)
                .body("hits.id", is(List.of("cats", "dogs", "cafe")))
                .body("total", is(5))
                .body("totalExact", is(true));
    }

    @Test
    void aFilteredListingBelowTheCountLimitHasAnExactTotal() {
        search(tenant, c, "{\"filter\": {\"kind\": \"guide\"}, \"limit\": 1}").statusCode(200)
                .body("hits.id", is(List.of("cats")))
                .body("total", is(2))
                .body("totalExact", is(true));
    }

    @Test
    void aFilteredListingStopsCountingAtTheLimitYetPagesThroughEveryMatch() {
        // The test profile's listing count limit is 5.
        String notes = Api.collection(tenant);
        for (int i = 0; i < 7; i++) {
            Api.put(tenant, notes, "n" + i,
                    "{\"title\": \"Note %d\", \"body\": \"Text %d.\", \"metadata\": {\"kind\": \"note\"}}".formatted(i, i));
        }
        Api.put(tenant, notes, "other", "{\"title\": \"Other\", \"body\": \"Text.\", \"metadata\": {\"kind\": \"memo\"}}");
        String next = search(tenant, notes, "{\"filter\": {\"kind\": \"note\"}, \"limit\": 2}").statusCode(200)
                .body("total", is(5))
                .body("totalExact", is(false))
                .extract().path("nextCursor");
        List<String> seen = new java.util.ArrayList<>(List.of("n0", "n1"));
        while (next != null) {
            var page = search(tenant, notes, "{\"filter\": {\"kind\": \"note\"}, \"limit\": 2, \"cursor\": \"" + next + "\"}")
                    .statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("hits.id", String.class));
            next = page.getString("nextCursor");
        }
        assertEquals(List.of("n0", "n1", "n2", "n3", "n4", "n5", "n6"), seen);
    }

    @Test
    void passageModeReturnsThePassageWithItsOffsets() {
        String p = Api.collection(tenant, "{\"chunkSize\": 120, \"chunkOverlap\": 0}");
        String body = "Intro text about nothing in particular, just filler words to fill the first passage of this long document. "
                + "Second part: the lighthouse keeper trims the lamp every evening before the storm arrives at the coast. "
                + "Third part is about gardening and tomatoes and has nothing else.";
        Api.put(tenant, p, "story", "A story", body);
        int start = search(tenant, p, "{\"q\": \"lighthouse lamp\", \"mode\": \"passages\"}").statusCode(200)
                .body("hits[0].id", is("story"))
                .body("hits[0].passage.text", containsString("lighthouse"))
                .body("hits[0].snippet", containsString("<mark>lighthouse</mark>"))
                .extract().path("hits[0].passage.start");
        int end = search(tenant, p, "{\"q\": \"lighthouse lamp\", \"mode\": \"passages\"}").extract()
                .path("hits[0].passage.end");
        assertTrue(body.substring(start, end).contains("lighthouse keeper"));
    }

    @Test
    void suggestCompletesTheLastWordAndToleratesTypos() {
        Api.member(tenant).get("/api/v1/collections/" + c + "/suggest?q=dog tra").then().statusCode(200)
                .body("suggestions.text", hasItem("dog training"));
        Api.member(tenant).get("/api/v1/collections/" + c + "/suggest?q=patienec").then().statusCode(200)
                .body("suggestions.word", hasItem("patience"));
        Api.member(tenant).get("/api/v1/collections/" + c + "/suggest?q=").then().statusCode(200).body("suggestions",
                hasSize(0));
    }

    @Test
    void stopWordsAloneMatchNothing() {
        search(tenant, c, "{\"q\": \"the of and\"}").statusCode(200).body("total", is(0));
    }
}
