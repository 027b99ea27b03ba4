package dev.flotilla.search.document;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flotilla.common.error.BadRequest;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks and normalisation of a document before it is indexed. */
class DocumentContentTest {

    private static final int MAX_BODY = 100;

    @Test
    void absentTextTagsAndMetadataBecomeEmpty() {
        DocumentContent content = DocumentContent.of("a", new DocumentInput(null, "Title", null, null, null, null), MAX_BODY);
        assertEquals("", content.body());
        assertEquals(List.of(), content.tags());
        assertTrue(content.metadata().isEmpty());
    }

    @Test
    void repeatedTagsAreKeptOnceInTheirFirstOrder() {
        DocumentContent content = DocumentContent.of("a", input("t", "b", List.of("b", "a", "b")), MAX_BODY);
        assertEquals(List.of("b", "a"), content.tags());
    }

    @Test
    void aDocumentNeedsATitleOrABody() {
        assertEquals("body", refusedField("a", input(" ", "\n", null)));
    }

    @Test
    void aMissingDocumentIsRefused() {
        assertEquals("body", refusedField("a", null));
    }

    @Test
    void theBodyHasAtMostTheConfiguredLength() {
        DocumentContent.of("a", input("", "x".repeat(MAX_BODY), null), MAX_BODY);
        assertEquals("body", refusedField("a", input("", "x".repeat(MAX_BODY + 1), null)));
    }

    @Test
    void theTitleHasAtMost2000Characters() {
        assertEquals("title", refusedField("a", input("x".repeat(2001), "", null)));
    }

    @Test
    void metadataIsAnObject() {
        DocumentInput input = new DocumentInput(null, "t", null, null, TextNode.valueOf("not an object"), null);
        assertEquals("metadata", refusedField("a", input));
    }

    @Test
    void jsonNullMetadataIsEmpty() {
        DocumentInput input = new DocumentInput(null, "t", null, null, JsonNodeFactory.instance.nullNode(), null);
        assertTrue(DocumentContent.of("a", input, MAX_BODY).metadata().isEmpty());
    }

    @Test
    void anEmptyTagIsRefused() {
        assertEquals("tags", refusedField("a", input("t", "", List.of("ok", " "))));
    }

    @Test
    void aTagHasAtMost200Characters() {
        assertEquals("tags", refusedField("a", input("t", "", List.of("x".repeat(201)))));
    }

    @Test
    void aDocumentHasAtMost100Tags() {
        List<String> tags = IntStream.range(0, 101).mapToObj(i -> "t" + i).toList();
        assertEquals("tags", refusedField("a", input("t", "", tags)));
    }

    @Test
    void aNullTagIsRefused() {
        assertEquals("tags", refusedField("a", input("t", "", Collections.singletonList(null))));
    }

    @Test
    void anIdIsLettersDigitsAndSomePunctuation() {
        DocumentContent.requireId("Report-2024_v1.2:draft@team~x=y+z");
        assertEquals("id", refusedId("bad id"));
        assertEquals("id", refusedId("a/b"));
    }

    @Test
    void anIdStartsWithALetterOrDigit() {
        assertEquals("id", refusedId("-a"));
        assertEquals("id", refusedId(".a"));
    }

    @Test
    void anIdHasAtMost200Characters() {
        DocumentContent.requireId("x".repeat(200));
        assertEquals("id", refusedId("x".repeat(201)));
    }

    @Test
    void importAndExportAreNoIds() {
        assertEquals("id", refusedId("import"));
        assertEquals("id", refusedId("export"));
    }

    @Test
    void aMissingIdIsRefused() {
        assertEquals("id", refusedId(null));
    }

    private static DocumentInput input(String title, String body, List<String> tags) {
        return new DocumentInput(null, title, body, tags, null, null);
    }

    private static String refusedField(String id, DocumentInput input) {
        return assertThrows(BadRequest.class, () -> DocumentContent.of(id, input, MAX_BODY)).errors().get(0).field();
    }

    private static String refusedId(String id) {
        return assertThrows(BadRequest.class, () -> DocumentContent.requireId(id)).errors().get(0).field();
    }
}
