package dev.flotilla.notification.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EndpointUrlsTest {

    @Test
    void anHttpsUrlGivesItsHostPortPathAndQuery() {
        assertEquals(new EndpointUrls.Target("hooks.example.com", 443, true, "/in/flotilla?token=a%20b"),
                EndpointUrls.parse("https://hooks.example.com/in/flotilla?token=a%20b"));
    }

    @Test
    void anHttpUrlWithoutPathPostsToTheRootOfItsPort() {
        assertEquals(new EndpointUrls.Target("127.0.0.1", 8080, false, "/"), EndpointUrls.parse("HTTP://127.0.0.1:8080"));
    }

    @Test
    void anIpv6LiteralLosesItsBrackets() {
        assertEquals(new EndpointUrls.Target("::1", 80, false, "/hook"), EndpointUrls.parse("http://[::1]/hook"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "hooks.example.com/in", "/relative/path", "ftp://example.com/file",
            "file:///etc/passwd",
            "javascript:alert(1)", "https://user:secret@example.com/hook", "https://example.com/hook#part",
            "http://exa mple.com/",
            "https:///no-host", "http://under_score.example.com/" })
    void anythingElseIsRefused(String url) {
        assertThrows(IllegalArgumentException.class, () -> EndpointUrls.parse(url));
    }

    @Test
    void anOverlongUrlIsRefused() {
        String url = "https://example.com/" + "a".repeat(EndpointUrls.MAX_LENGTH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EndpointUrls.parse(url));
        assertEquals("must have at most 2048 characters", e.getMessage());
    }
}
