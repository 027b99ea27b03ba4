package dev.flotilla.search;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.flotilla.search.Api.documents;
import static dev.flotilla.search.Api.member;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DocumentsApiTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void putCreatesThenReplacesADocument() {
        String c = Api.collection(tenant);
        String doc = """
                {"title": "Refund policy", "body": "Refunds within 30 days.", "tags": ["billing"],
                 "metadata": {"lang": "en", "year": 2024}, "source": "https://example.com/refunds"}""";
        Responses.created(member(tenant).body(doc).put(documents(c) + "/refunds").then()
                .body("id", is("refunds"))
                .body("tags", contains("billing"))
                .body("metadata.year", is(2024)));
        member(tenant).body("{\"title\": \"Refund policy\", \"body\": \"Refunds within 60 days.\"}")
                .put(documents(c) + "/refunds").then()
                .statusCode(200)
                .body("body", is("Refunds within 60 days."))
                .body("tags", hasSize(0));
        member(tenant).get(documents(c) + "/refunds").then().statusCode(200).body("body", is("Refunds within 60 days."));
        member(tenant).get("/api/v1/collections/" + c).then().body("documentCount", is(1));
        assertEquals(List.of(), Api.ids(tenant, c, "30"));
        assertEquals(List.of("refunds"), Api.ids(tenant, c, "60"));
    }

    @Test
    void deleteRemovesTheDocumentFromSearch() {
        String c = Api.collection(tenant);
        Api.put(tenant, c, "a", "Alpha", "unique zebra");
        member(tenant).delete(documents(c) + "/a").then().statusCode(204);
        member(tenant).get(documents(c) + "/a").then().spec(Problems.notFound());
        member(tenant).delete(documents(c) + "/a").then().spec(Problems.notFound());
        assertEquals(List.of(), Api.ids(tenant, c, "zebra"));
        member(tenant).get("/api/v1/collections/" + c).then().body("documentCount", is(0));
    }

    @Test
    void badDocumentsAreRefusedWithTheField() {
        String c = Api.collection(tenant);
        member(tenant).body("{\"title\": \"t\", \"metadata\": [1]}").put(documents(c) + "/x").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("metadata"));
        member(tenant).body("{\"title\": \"t\", \"colour\": \"red\"}").put(documents(c) + "/x").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("colour"));
        member(tenant).body("{\"title\": \"\", \"body\": \"  \"}").put(documents(c) + "/x").then()
                .spec(Problems.validationFailed());
        member(tenant).body("{\"title\": \"t\"}").put(documents(c) + "/bad%20id").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("id"));
        member(tenant).body("{\"title\": \"t\", \"tags\": [\"\"]}").put(documents(c) + "/x").then()
                .spec(Problems.validationFailed());
        member(tenant).body("{not json").put(documents(c) + "/x").then().spec(Problems.malformedJson());
    }

    @Test
    void aMetadataNumberOutOfRangeIsRefusedNamingTheField() {
        String c = Api.collection(tenant);
        member(tenant).body("{\"title\": \"Huge\", \"metadata\": {\"stats\": {\"size\": [1, 1e309]}}}")
                .put(documents(c) + "/huge").then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("metadata.stats.size[1]"))
                .body("errors[0].message", is("the number is out of range"));
        member(tenant).get(documents(c) + "/huge").then().spec(Problems.notFound());
    }

    @Test
    void listingPagesByIdAndFiltersOnMetadataAndTags() {
        String c = Api.collection(tenant);
        for (int i = 1; i <= 5; i++) {
            Api.put(tenant, c, "d" + i, """
                    {"title": "Doc %d", "body": "text", "tags": ["%s"], "metadata": {"n": %d}}""".formatted(i,
                    i % 2 == 0 ? "even" : "odd", i));
        }
        String next = member(tenant).get(documents(c) + "?limit=2").then()
                .statusCode(200)
                .body("items.id", contains("d1", "d2"))
                .body("items[0].body", nullValue())
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        member(tenant).get(documents(c) + "?limit=2&cursor=" + next).then().body("items.id", contains("d3", "d4"));
        member(tenant).queryParam("filter", "{\"n\": {\"gte\": 2, \"lt\": 5}}").queryParam("tag", "even")
                .get(documents(c)).then()
                .statusCode(200).body("items.id", contains("d2", "d4")).body("nextCursor", nullValue());
        member(tenant).queryParam("filter", "{\"n\": {\"between\": 1}}").get(documents(c)).then()
                .spec(Problems.validationFailed());
        member(tenant).queryParam("filter", "not json").get(documents(c)).then().spec(Problems.validationFailed());
    }

    @Test
    void passagesCoverTheBodyWithOffsets() {
        String c = Api.collection(tenant, "{\"chunkSize\": 100, \"chunkOverlap\": 20}");
        String body = "Sentence number one is here. ".repeat(12).strip();
        Api.put(tenant, c, "long", "Long", body);
        List<Integer> starts = member(tenant).get(documents(c) + "/long/passages").then()
                .statusCode(200)
                .body("items[0].start", is(0))
                .body("items[-1].end", is(body.length()))
                .extract().path("items.start");
        assertEquals(true, starts.size() >= 4);
    }
}
