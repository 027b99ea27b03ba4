package dev.flotilla.search;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.flotilla.search.Api.documents;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Body limits per endpoint (uploads and imports large, everything else 1M), and connections that
 * keep answering after a refused body.
 */
@QuarkusTest
class BodyLimitsApiTest {

    private static final String BOUNDARY = "limits-boundary";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final UUID tenant = UUID.randomUUID();
    private final String token = TestTokens.user(tenant, "member");

    /** A multipart body of one part, {@code file} when {@code fileName} is given. */
    private static byte[] multipart(String name, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/plain") + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] words(int bytes) {
        byte[] text = new byte[bytes];
        Arrays.fill(text, (byte) 'a');
        return text;
    }

    private Map<String, String> uploadHeaders() {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    /** Sends an upload, then a read of the collection on the same connection: both are answered. */
    private void nextRequestAnsweredAfter(String c, byte[] upload) throws IOException {
        try (RawHttp http = new RawHttp(RestAssured.port, PATIENCE)) {
            http.send("POST", documents(c), uploadHeaders(), upload);
            RawHttp.Answer refused = http.read();
            assertEquals(413, refused.status(), refused.body());
            assertEquals(Problems.PROBLEM_JSON, refused.headers().get("content-type"));
            http.send("GET", "/api/v1/collections/" + c, Map.of("Authorization", "Bearer " + token), new byte[0]);
            RawHttp.Answer next = http.read();
            assertEquals(200, next.status(), next.body());
        }
    }

    @Test
    void aConnectionAnswersItsNextRequestAfterAFileOverTheUploadLimit() throws IOException {
        // flotilla.search.ingest.max-upload-size is 256K in tests.
        nextRequestAnsweredAfter(Api.collection(tenant), multipart("file", "big.txt", words(300_000)));
    }

    @Test
    void aConnectionAnswersItsNextRequestAfterAFormFieldOverItsLimit() throws IOException {
        nextRequestAnsweredAfter(Api.collection(tenant), multipart("title", null, words(3_000)));
    }

    @Test
    void anUploadOverTheEndpointLimitIsAnsweredAtOnce() throws Exception {
        String c = Api.collection(tenant);
        byte[] upload = multipart("file", "eleven.txt", words(11 * 1024 * 1024));
        try (RawHttp http = new RawHttp(RestAssured.port, PATIENCE)) {
            long start = System.nanoTime();
            // The server answers before the body is sent, and closes the connection: writing may fail half-way.
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    http.send("POST", documents(c), uploadHeaders(), upload);
                } catch (IOException closedByTheServer) {
                    // expected once the 413 is written
                }
            });
            RawHttp.Answer refused = http.read();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(413, refused.status(), refused.body());
            assertEquals("close", refused.headers().get("connection"));
            assertTrue(refused.body().contains("payload-too-large"), refused.body());
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "answered after " + took);
            writing.get();
        }
        Api.member(tenant).get("/api/v1/collections/" + c).then().statusCode(200).body("documentCount", is(0));
    }

    @Test
    void aJsonBodyOverOneMegabyteIsRefusedAndChangesNothing() {
        String c = Api.collection(tenant);
        String body = "{\"title\": \"Large\", \"body\": \"" + "word ".repeat(300_000) + "\"}";
        Api.member(tenant).body(body).put(documents(c) + "/large").then()
                .spec(Problems.payloadTooLarge())
                .body("detail", containsString("1048576 bytes"));
        Api.member(tenant).get(documents(c) + "/large").then().spec(Problems.notFound());
    }

    @Test
    void anImportMayBeLargerThanOtherBodies() {
        String c = Api.collection(tenant);
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            ndjson.append("{\"id\": \"d").append(i).append("\", \"title\": \"Part ").append(i).append("\", \"body\": \"")
                    .append("word ".repeat(100_000)).append("\"}\n");
        }
        Api.member(tenant).contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .post(documents(c) + "/import").then().statusCode(200).body("imported", is(4));
    }

    @Test
    void aTruncatedMultipartBodyIsABadRequestAndChangesNothing() throws IOException {
        String c = Api.collection(tenant);
        byte[] whole = multipart("file", "cut.txt", "Words about lighthouses.".getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 12);
        try (RawHttp http = new RawHttp(RestAssured.port, PATIENCE)) {
            http.send("POST", documents(c), uploadHeaders(), truncated);
            RawHttp.Answer answer = http.read();
            assertEquals(400, answer.status(), answer.body());
            assertEquals(Problems.PROBLEM_JSON, answer.headers().get("content-type"));
            assertTrue(answer.body().contains("urn:flotilla:problem:bad-request"), answer.body());
        }
        Api.member(tenant).get("/api/v1/collections/" + c).then().statusCode(200).body("documentCount", is(0));
    }
}
