package dev.flotilla.health.condition;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.flotilla.health.condition.Observations.body;
import static dev.flotilla.health.condition.Observations.certificateExpiringIn;
import static dev.flotilla.health.condition.Observations.failing;
import static dev.flotilla.health.condition.Observations.http;
import static dev.flotilla.health.condition.Observations.meets;
import static dev.flotilla.health.condition.Observations.status;
import static dev.flotilla.health.condition.Observations.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each placeholder resolves to in an observation. */
class PlaceholdersTest {

    @Test
    void statusIsTheHttpStatus() {
        assertTrue(meets(status(200), "[STATUS] == 200"));
        assertEquals(List.of("[STATUS] (503) == 200"), failing(status(503), "[STATUS] == 200"));
    }

    @Test
    void statusOfACheckWithoutHttpFailsAsNotObserved() {
        assertEquals(List.of("[STATUS] (not observed) == 200"), failing(tcp(true), "[STATUS] == 200"));
        assertEquals(List.of("[STATUS] (not observed) != 500"), failing(tcp(true), "[STATUS] != 500"));
    }

    @Test
    void responseTimeIsInMilliseconds() {
        assertTrue(meets(http(200, 299, ""), "[RESPONSE_TIME] < 300"));
        assertEquals(List.of("[RESPONSE_TIME] (300) < 300"), failing(http(200, 300, ""), "[RESPONSE_TIME] < 300"));
    }

    @Test
    void bodyIsTheWholeBodyWithoutSurroundingWhitespace() {
        assertTrue(meets(body(" 1\n"), "[BODY] == 1"));
        assertTrue(meets(body("pong"), "[BODY] == pong"));
        assertEquals(List.of("[BODY] (pang) == pong"), failing(body("pang"), "[BODY] == pong"));
    }

    @Test
    void bodyOfACheckWithoutOneFailsAsNotObserved() {
        assertEquals(List.of("[BODY] (not observed) == pong"), failing(tcp(true), "[BODY] == pong"));
    }

    @Test
    void connectedIsWhetherAConnectionWasMade() {
        assertTrue(meets(tcp(true), "[CONNECTED] == true"));
        assertEquals(List.of("[CONNECTED] (false) == true"), failing(tcp(false), "[CONNECTED] == true"));
        assertTrue(meets(tcp(false), "[CONNECTED] != true"));
    }

    @Test
    void certificateExpirationIsTheTimeLeftComparedAsADuration() {
        assertTrue(meets(certificateExpiringIn(Duration.ofHours(49)), "[CERTIFICATE_EXPIRATION] > 48h"));
        assertEquals(List.of("[CERTIFICATE_EXPIRATION] (24h) > 48h"),
                failing(certificateExpiringIn(Duration.ofHours(24)), "[CERTIFICATE_EXPIRATION] > 48h"));
    }

    @Test
    void certificateExpirationIsInMillisecondsWhenComparedWithANumber() {
        assertTrue(meets(certificateExpiringIn(Duration.ofSeconds(2)), "[CERTIFICATE_EXPIRATION] > 1999"));
        assertFalse(meets(certificateExpiringIn(Duration.ofSeconds(2)), "[CERTIFICATE_EXPIRATION] > 2000"));
    }

    @Test
    void anExpiredCertificateHasANegativeTimeLeft() {
        assertEquals(List.of("[CERTIFICATE_EXPIRATION] (-1h30m) > 0"),
                failing(certificateExpiringIn(Duration.ofMinutes(-90)), "[CERTIFICATE_EXPIRATION] > 0"));
    }

    @Test
    void certificateExpirationWithoutACertificateFailsAsNotObserved() {
        assertEquals(List.of("[CERTIFICATE_EXPIRATION] (not observed) > 48h"),
                failing(status(200), "[CERTIFICATE_EXPIRATION] > 48h"));
    }

    @Test
    void placeholderNamesAreCaseInsensitiveAsInGatus() {
        assertTrue(meets(status(200), "[status] == 200"));
        assertTrue(meets(body("{\"Name\":\"x\"}"), "[Body].Name == x"));
    }

    @Test
    void twoPlaceholdersCanBeCompared() {
        assertTrue(meets(body("{\"age\":1,\"id\":1}"), "[BODY].age == [BODY].id"));
        assertEquals(List.of("[BODY].age (2) == [BODY].id (1)"),
                failing(body("{\"age\":2,\"id\":1}"), "[BODY].age == [BODY].id"));
    }

    @Test
    void aConstantMayStandOnTheLeft() {
        assertTrue(meets(http(200, 120, ""), "300 > [RESPONSE_TIME]"));
        assertEquals(List.of("100 > [RESPONSE_TIME] (120)"), failing(http(200, 120, ""), "100 > [RESPONSE_TIME]"));
    }
}
