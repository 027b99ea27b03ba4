package dev.flotilla.health;

import dev.flotilla.common.id.Ids;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

/**
 * Targets may point only to public addresses and to the allowed networks (127.0.0.0/8 in tests): a target elsewhere is
 * refused when it is created, naming its URL and why, as a webhook endpoint is.
 */
@QuarkusTest
class SsrfGuardTest {

    @ParameterizedTest
    @ValueSource(strings = { "http://10.0.0.8/health", "http://169.254.169.254/latest/meta-data", "tcp://[::1]:5432",
            "http://192.168.1.1/", "https://[::ffff:10.0.0.1]/" })
    void aTargetOutsideTheAllowedNetworksIsRefused(String url) {
        String kind = url.startsWith("tcp") ? "tcp" : "http";
        Requests.as(Ids.next(), "admin").body(Map.of("name", "inside", "kind", kind, "url", url))
                .post(TargetApiTest.TARGETS).then()
                .spec(Problems.validationFailed())
                .body("errors.field", contains("url"))
                .body("errors[0].message", containsString("outside the allowed networks"));
    }
}
