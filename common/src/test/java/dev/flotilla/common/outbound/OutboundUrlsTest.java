package dev.flotilla.common.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutboundUrlsTest {

    @Test
    void anHttpsUrlGivesItsHostPortPathAndQuery() {
        assertEquals(new OutboundUrls.Target("hooks.example.com", 443, true, "/in/flotilla?token=a%20b"),
                OutboundUrls.parse("https://hooks.example.com/in/flotilla?token=a%20b"));
    }

    @Test
    void anHttpUrlWithoutPathPostsToTheRootOfItsPort() {
        assertEquals(new OutboundUrls.Target("127.0.0.1", 8080, false, "/"), OutboundUrls.parse("HTTP://127.0.0.1:8080"));
    }

    @Test
    void anIpv6LiteralLosesItsBrackets() {
        assertEquals(new OutboundUrls.Target("::1", 80, false, "/hook"), OutboundUrls.parse("http://[::1]/hook"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "hooks.example.com/in", "/relative/path", "ftp://example.com/file",
            "file:///etc/passwd",
            "javascript:alert(1)", "https://user:secret@example.com/hook", "https://example.com/hook#part",
            "http://exa mple.com/",
            "https:///no-host", "http://under_score.example.com/" })
    void anythingElseIsRefused(String url) {
        assertThrows(IllegalArgumentException.class, () -> OutboundUrls.parse(url));
    }

    @Test
    void anOverlongUrlIsRefused() {
        String url = "https://example.com/" + "a".repeat(OutboundUrls.MAX_LENGTH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutboundUrls.parse(url));
        assertEquals("must have at most 2048 characters", e.getMessage());
    }
}
