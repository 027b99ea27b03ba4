package dev.flotilla.common.request;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/**
 * A URI or headers over the documented limits get a problem, like every other error. Sent over a
 * raw socket: HTTP clients refuse to send such requests.
 */
@QuarkusTest
class RequestHeadLimitsTest {

    @Test
    void aUriOverTheLimitIsAUriTooLongProblem() throws IOException {
        String response = exchange("GET /api/v1/caller?q=" + "a".repeat(RequestHeadLimits.MAX_URI_LENGTH) + " HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response, startsWith("HTTP/1.1 414"));
        assertThat(response, containsString("application/problem+json"));
        assertThat(response, containsString("\"type\":\"urn:flotilla:problem:uri-too-long\""));
        assertThat(response, containsString("\"status\":414"));
    }

    @Test
    void headersOverTheLimitAreAHeadersTooLargeProblem() throws IOException {
        String response = exchange("GET /api/v1/caller HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Padding: " + "a".repeat(RequestHeadLimits.MAX_HEADER_BYTES) + "\r\nConnection: close\r\n\r\n");
        assertThat(response, startsWith("HTTP/1.1 431"));
        assertThat(response, containsString("application/problem+json"));
        assertThat(response, containsString("\"type\":\"urn:flotilla:problem:request-header-fields-too-large\""));
        assertThat(response, containsString("\"status\":431"));
    }

    @Test
    void aRequestWithinTheLimitsIsServedAsUsual() throws IOException {
        String response = exchange(
                "GET /api/v1/caller?q=" + "a".repeat(RequestHeadLimits.MAX_URI_LENGTH - 100) + " HTTP/1.1\r\n"
                        + "Host: localhost\r\nX-Padding: " + "a".repeat(RequestHeadLimits.MAX_HEADER_BYTES - 200)
                        + "\r\nConnection: close\r\n\r\n");
        assertThat(response, startsWith("HTTP/1.1 401"));
    }

    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
