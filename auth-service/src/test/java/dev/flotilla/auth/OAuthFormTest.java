package dev.flotilla.auth;

import dev.flotilla.testing.Requests;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The form bodies of the OAuth endpoints: bounded, strictly decoded, and refused in the OAuth error
 * form (RFC 6749 §5.2) without a stack trace in the log.
 */
@QuarkusTest
class OAuthFormTest {

    @TestHTTPResource("/oauth2/revoke")
    URI revoke;

    private static final String MEGABYTE_FIELD = "grant_type=client_credentials&client_id=" + "a".repeat(1_000_000);

    private static ValidatableResponse post(RequestSpecification request, String path, String body) {
        return request.contentType(ContentType.URLENC).body(body).post(path).then();
    }

    private static ValidatableResponse anonymous(String path, String body) {
        return post(Api.client(), path, body);
    }

    private static RequestSpecification service() {
        return Requests.as(UUID.randomUUID(), "service");
    }

    private static void isInvalidRequest(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body("error", is("invalid_request"));
    }

    @Test
    void aMegabyteFormIsRefusedWith413AndLogsNoStackTrace() {
        try (LogRecords log = LogRecords.capture()) {
            isInvalidRequest(anonymous("/oauth2/token", MEGABYTE_FIELD), 413);
            isInvalidRequest(anonymous("/oauth2/revoke", MEGABYTE_FIELD), 413);
            isInvalidRequest(post(service(), "/oauth2/introspect", MEGABYTE_FIELD), 413);
            log.assertAtMostTwoWarningsAndNoStackTrace();
        }
    }

    @Test
    void aFieldOfSeventeenKilobytesIsRefusedWith413() {
        isInvalidRequest(anonymous("/oauth2/token", "grant_type=client_credentials&client_secret=" + "s".repeat(17 * 1024)),
                413);
    }

    @Test
    void aLargeFormSentWithoutALengthIsRefusedWith413() throws Exception {
        byte[] form = ("token=" + "t".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        HttpRequest chunked = HttpRequest.newBuilder(revoke)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form)))
                .build();
        try (LogRecords log = LogRecords.capture()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), response::body);
            assertEquals("invalid_request", JsonPath.from(response.body()).getString("error"), response::body);
            log.assertAtMostTwoWarningsAndNoStackTrace();
        }
    }

    @Test
    void aFormJustUnderTheLimitIsRead() {
        anonymous("/oauth2/token", "grant_type=client_credentials&client_id=unknown&client_secret=" + "s".repeat(16_000))
                .statusCode(401).body("error", is("invalid_client"));
    }

    @Test
    void malformedPercentEncodingIsAnInvalidRequest() {
        try (LogRecords log = LogRecords.capture()) {
            for (String body : List.of("grant_type=%zz", "grant_type=client_credentials&client_id=a%", "%4=x")) {
                isInvalidRequest(anonymous("/oauth2/token", body), 400);
            }
            isInvalidRequest(anonymous("/oauth2/revoke", "token=%g0"), 400);
            isInvalidRequest(post(service(), "/oauth2/introspect", "token=%%"), 400);
            log.assertAtMostTwoWarningsAndNoStackTrace();
        }
        anonymous("/oauth2/token", "grant_type=%zz").body("error_description", containsString("grant_type"));
    }

    @Test
    void escapesThatAreNotUtf8AreAnInvalidRequest() {
        isInvalidRequest(anonymous("/oauth2/token", "grant_type=client_credentials&client_id=%ff%fe"), 400);
        isInvalidRequest(anonymous("/oauth2/revoke", "token=%ed%a0%80"), 400);
    }

    @Test
    void aNulCharacterInAFieldIsAnInvalidRequest() {
        isInvalidRequest(anonymous("/oauth2/token", "grant_type=client_credentials&client_id=a%00b"), 400);
    }

    @Test
    void correctlyEncodedFieldsAreDecoded() {
        anonymous("/oauth2/token", "grant_type=refresh%5Ftoken&refresh_token=no+such%20token%E2%82%AC")
                .statusCode(400).body("error", is("invalid_grant"));
    }

    @Test
    void aJsonBodyIsAnInvalidRequestNamingTheFormMediaType() {
        for (String path : List.of("/oauth2/token", "/oauth2/revoke", "/oauth2/introspect")) {
            ValidatableResponse response = service().contentType(ContentType.JSON)
                    .body("{\"grant_type\":\"client_credentials\"}")
                    .post(path).then();
            isInvalidRequest(response, 400);
            response.body("error_description", containsString("application/x-www-form-urlencoded"));
        }
    }

    @Test
    void aPlainTextBodyIsAnInvalidRequest() {
        isInvalidRequest(Api.client().contentType(ContentType.TEXT).body("token=abc").post("/oauth2/revoke").then(), 400);
    }

    @Test
    void theFormMediaTypeIsAcceptedWithACharset() {
        Api.client().contentType("application/x-www-form-urlencoded; charset=UTF-8").body("token=unknown-token")
                .post("/oauth2/revoke").then().statusCode(200);
    }

    @Test
    void aMethodTheEndpointDoesNotHaveIsAnOAuthError() {
        Api.client().get("/oauth2/token").then().statusCode(405).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store").body("error", is("invalid_request"));
    }

    @Test
    void problemsOutsideTheOAuthEndpointsStayProblems() {
        Api.client().contentType(ContentType.TEXT).body("x").post("/api/v1/auth/login").then().statusCode(415)
                .contentType("application/problem+json");
    }

    /** The log records of level WARNING and above written while it is open. */
    private static final class LogRecords extends Handler implements AutoCloseable {

        private final List<LogRecord> records = new ArrayList<>();

        static LogRecords capture() {
            LogRecords handler = new LogRecords();
            handler.setLevel(Level.WARNING);
            Logger.getLogger("").addHandler(handler);
            return handler;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (isLoggable(record)) {
                records.add(record);
            }
        }

        synchronized void assertAtMostTwoWarningsAndNoStackTrace() {
            assertTrue(records.size() <= 2, () -> records.size() + " records logged: " + messages());
            assertTrue(records.stream().allMatch(r -> r.getThrown() == null), () -> "a stack trace was logged: " + messages());
        }

        private List<String> messages() {
            return records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }
}
