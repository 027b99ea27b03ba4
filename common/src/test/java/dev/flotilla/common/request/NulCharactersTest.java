package dev.flotilla.common.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.json.NulCharacterException;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** U+0000, which PostgreSQL cannot store, is refused wherever text enters, naming where it was. */
@QuarkusTest
class NulCharactersTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final String TEXTS = "/api/v1/texts";

    @Inject
    ObjectMapper mapper;

    private static RequestSpecification member() {
        return Requests.as(TENANT, "member");
    }

    private static void refusedNaming(String body, String field) {
        member().body(body).post(TEXTS).then()
                .spec(Problems.validationFailed())
                .body("errors.field", contains(field));
    }

    @Test
    void textWithoutNulIsAccepted() {
        member().body(
                "{\"name\":\"bolt\",\"labels\":{\"k\":\"v\"},\"metadata\":{\"a\":[\"b\"]},\"extra\":{\"c\":{\"d\":\"e\"}}}")
                .post(TEXTS).then()
                .statusCode(200)
                .body("extra.c.d", is("e"));
    }

    @Test
    void aNulInAStringFieldIsRefusedByName() {
        refusedNaming("{\"name\":\"bo\\u0000lt\"}", "name");
    }

    @Test
    void aNulInANestedStringIsRefusedByItsPath() {
        refusedNaming("{\"items\":[{\"name\":\"a\"},{\"name\":\"\\u0000\"}]}", "items[1].name");
        refusedNaming("{\"tags\":[\"a\",\"b\\u0000\"]}", "tags[1]");
        refusedNaming("{\"labels\":{\"k\":\"v\\u0000\"}}", "labels.k");
    }

    @Test
    void aNulInAnObjectKeyIsRefused() {
        member().body("{\"labels\":{\"k\\u0000\":\"v\"}}").post(TEXTS).then()
                .spec(Problems.validationFailed())
                .body("errors[0].field", is("labels.k\u0000"));
        refusedNaming("{\"metadata\":{\"ok\":{\"k\\u0000\":1}}}", "metadata.ok.k\u0000");
    }

    @Test
    void aNulAnywhereInAJsonTreeOrUntypedValueIsRefusedByItsPath() {
        refusedNaming("{\"metadata\":{\"a\":[1,{\"b\":\"x\\u0000\"}]}}", "metadata.a[1].b");
        refusedNaming("{\"extra\":{\"a\":{\"b\":[\"x\",\"\\u0000\"]}}}", "extra.a.b[1]");
    }

    @Test
    void aNulInAQueryOrPathParameterIsRefusedByName() {
        member().urlEncodingEnabled(false).get(TEXTS + "/bolt?q=a%00b").then()
                .spec(Problems.validationFailed())
                .body("errors.field", contains("q"));
        member().urlEncodingEnabled(false).get(TEXTS + "/bo%00lt").then()
                .spec(Problems.validationFailed())
                .body("errors.field", contains("name"));
    }

    @Test
    void aNulInAFormFieldIsRefusedByName() {
        Requests.as(TENANT, "member").contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client\u0000credentials").post(TEXTS + "/form").then()
                .spec(Problems.validationFailed())
                .body("errors.field", contains("grant_type"));
        Requests.as(TENANT, "member").contentType("application/x-www-form-urlencoded")
                .formParam("note", "\u0000").post(TEXTS + "/form").then()
                .spec(Problems.validationFailed())
                .body("errors.field", contains("note"));
    }

    @Test
    void aNulInAMultipartTextPartOrFileNameIsRefusedByName() {
        byte[] content = "some text".getBytes(StandardCharsets.UTF_8);
        Requests.as(TENANT, "member").contentType("multipart/form-data")
                .multiPart("file", "notes.txt", content, "text/plain")
                .multiPart("title", "a\u0000b").post(TEXTS + "/upload").then()
                .spec(Problems.validationFailed())
                .body("errors.field", contains("title"));
        Requests.as(TENANT, "member").contentType("multipart/form-data")
                .multiPart("file", "no\u0000tes.txt", content, "text/plain").post(TEXTS + "/upload").then()
                .spec(Problems.validationFailed())
                .body("errors.field", contains("file"));
    }

    @Test
    void aLineReadWithTheApplicationsMapperNamesTheField() {
        NulCharacterException refused = assertThrows(NulCharacterException.class,
                () -> mapper.readValue("{\"items\":[{\"name\":\"\\u0000\"}]}", TextResource.Text.class));
        assertEquals("items[0].name", refused.field());
        assertEquals("items[0].name: " + NulCharacterException.MESSAGE, refused.getMessage());
    }
}
