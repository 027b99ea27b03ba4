package dev.flotilla.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.flotilla.search.Api.documents;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ImportExportApiTest {

    private final UUID tenant = UUID.randomUUID();

    private ValidatableResponse importInto(String c, String ndjson) {
        return Api.member(tenant).contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post(documents(c) + "/import").then();
    }

    private String export(String c) {
        return Api.member(tenant).accept("application/x-ndjson")
                .get(documents(c) + "/export").then().statusCode(200).extract().asString();
    }

    @Test
    void anImportKeepsGoodLinesAndReportsBadOnesByLineNumber() {
        String c = Api.collection(tenant);
        String ndjson = String.join("\n",
                "{\"id\": \"1\", \"title\": \"First\", \"body\": \"one\"}",
                "{\"id\": \"2\", \"title\": \"Second\", \"body\": \"two\", \"tags\": [\"x\"]}",
                "{this is not json",
                "",
                "{\"id\": \"3\", \"title\": \"Third\", \"metadata\": \"not an object\"}",
                "{\"title\": \"No id\"}",
                "{\"id\": \"4\", \"title\": \"Fourth\", \"body\": \"four\", \"unknown\": 1}",
                "{\"id\": \"5\", \"title\": \"Fifth\", \"body\": \"five\"}",
                "{\"id\": \"6\", \"title\": \"Sixth\", \"body\": \"six\"}",
                "{\"id\": \"7\", \"title\": \"Seventh\", \"body\": \"seven\"}",
                "{\"id\": \"1\", \"title\": \"First again\", \"body\": \"uno\"}");
        importInto(c, ndjson).statusCode(200)
                .body("imported", is(6))
                .body("failed", is(4))
                .body("errors.line", is(List.of(3, 5, 6, 7)))
                .body("errors[1].message", containsString("metadata"));
        Api.member(tenant).get("/api/v1/collections/" + c).then().body("documentCount", is(5));
        Api.member(tenant).get(documents(c) + "/1").then().body("title", is("First again"));
        assertEquals(List.of("6"), Api.ids(tenant, c, "sixth"));
    }

    @Test
    void refusedLinesAreExplainedInTheApisWordsWithoutJavaNames() {
        String c = Api.collection(tenant);
        String ndjson = String.join("\n",
                "{\"id\": \"1\", \"title\": \"Good\", \"body\": \"kept\"}",
                "{\"id\": \"2\", \"title\": \"Unknown\", \"zz\": 1}",
                "{\"id\": \"3\", \"title\": [\"not\", \"text\"]}",
                "{\"id\": \"4\", \"title\": \"Tags\", \"tags\": \"single\"}",
                "{\"id\": \"5\", \"title\": \"Tag\", \"tags\": [{\"a\": 1}]}",
                "[1, 2]",
                "{\"id\": \"7\", \"title\": ",
                "{\"id\": \"8\", \"title\": \"Huge\", \"metadata\": {\"year\": 1e309}}",
                "null");
        importInto(c, ndjson).statusCode(200)
                .body("imported", is(1))
                .body("failed", is(8))
                .body("errors.line", is(List.of(2, 3, 4, 5, 6, 7, 8, 9)))
                .body("errors.message", is(List.of(
                        "unknown field 'zz'",
                        "'title' must be a string",
                        "'tags' must be an array of strings",
                        "'tags[0]' must be a string",
                        "a line must be a JSON object (a document)",
                        "not valid JSON: the line ends inside a value",
                        "metadata.year: the number is out of range",
                        "a line must be a JSON object (a document)")))
                .body("errors.message", everyItem(not(containsString("java"))))
                .body("errors.message", everyItem(not(containsString("class"))));
    }

    @Test
    void concurrentImportsOfOneCollectionKeepItsCountsExact() throws Exception {
        String c = Api.collection(tenant);
        // Batches of 3 in tests: each import is written in several batches, two at a time, and the two imports
        // replace each other's documents 10-29.
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            first.append(
                    "{\"id\": \"d%d\", \"title\": \"Shared apricot\", \"body\": \"apricot orchard %d\"}\n".formatted(i, i));
            second.append(
                    "{\"id\": \"d%d\", \"title\": \"Shared blueberry\", \"body\": \"blueberry field\"}\n".formatted(i + 10));
        }
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = callers.submit(() -> importInto(c, first.toString()).statusCode(200).body("imported", is(30)));
            Future<?> b = callers.submit(() -> importInto(c, second.toString()).statusCode(200).body("imported", is(30)));
            a.get();
            b.get();
        } finally {
            callers.shutdown();
        }
        Api.member(tenant).get("/api/v1/collections/" + c).then().body("documentCount", is(40));
        Api.search(tenant, c, "{\"q\": \"shared\"}").body("total", is(40));
        long apricot = Api.search(tenant, c, "{\"q\": \"apricot\"}").extract().<Integer> path("total");
        long blueberry = Api.search(tenant, c, "{\"q\": \"blueberry\"}").extract().<Integer> path("total");
        assertEquals(40, apricot + blueberry);

        for (int i = 0; i < 40; i++) {
            Api.member(tenant).delete(documents(c) + "/d" + i).then().statusCode(204);
        }
        Api.member(tenant).get("/api/v1/collections/" + c).then().body("documentCount", is(0));
        // Every word's document count came back to 0, so the vocabulary is empty.
        for (String word : List.of("shared", "apricot", "orchard", "blueberry", "field")) {
            Api.member(tenant).get("/api/v1/collections/" + c + "/suggest?q=" + word).then().statusCode(200).body("suggestions",
                    hasSize(0));
        }
    }

    @Test
    void exportThenImportRoundTripsACollectionExactly() {
        String c = Api.collection(tenant);
        Api.put(tenant, c, "a", """
                {"title": "Ünïcode & \\"quotes\\"", "body": "line one\\nline two\\ttab", "tags": ["t1", "t2"],
                 "metadata": {"nested": {"n": 1.5, "list": [1, "two", null, true]}, "empty": {}}, "source": "file://a.txt"}""");
        Api.put(tenant, c, "b", "{\"title\": \"Only a title\"}");
        Api.put(tenant, c, "c", "{\"body\": \"Only a body\", \"metadata\": {\"k\": \"v\"}}");
        String exported = export(c);
        assertEquals(3, exported.strip().split("\n").length);

        String copy = Api.collection(tenant);
        importInto(copy, exported).statusCode(200).body("imported", is(3)).body("failed", is(0)).body("errors", hasSize(0));
        assertEquals(exported, export(copy));
        assertEquals(List.of("a"), Api.ids(tenant, copy, "quotes"));
    }

    @Test
    void anEmptyCollectionExportsNothing() {
        String c = Api.collection(tenant);
        assertEquals("", export(c).strip());
    }
}
