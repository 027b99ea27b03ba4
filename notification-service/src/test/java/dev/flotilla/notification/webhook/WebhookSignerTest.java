package dev.flotilla.notification.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signatures checked against the Standard Webhooks reference library. */
class WebhookSignerTest {

    private static final String ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private static final String BODY = "{\"type\":\"task.failed\",\"timestamp\":\"2026-12-07T10:00:00Z\",\"data\":{\"ü\":\"✓\"}}";

    private final SecureRandom random = new SecureRandom();

    @Test
    void aSecretIsWhsecAndTheBase64OfThirtyTwoRandomBytes() {
        String secret = WebhookSigner.newSecret(random);
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
        assertNotEquals(secret, WebhookSigner.newSecret(random));
    }

    @Test
    void theSignatureIsTheReferenceLibrarysForTheSameMessage() throws Exception {
        String secret = WebhookSigner.newSecret(random);
        long timestamp = 1_765_101_600L;
        assertEquals(new Webhook(secret).sign(ID, timestamp, BODY), WebhookSigner.sign(secret, ID, timestamp, BODY));
    }

    @Test
    void theSpecificationsExampleSignsAsPublished() {
        // The example of the Standard Webhooks specification (its reference libraries' test vector).
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSigner.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body));
    }

    @Test
    void theReferenceVerifierAcceptsASignedMessage() {
        String secret = WebhookSigner.newSecret(random);
        long now = Instant.now().getEpochSecond();
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(ID), "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(WebhookSigner.signatures(List.of(secret), ID, now, BODY)));
        assertDoesNotThrow(() -> new Webhook(secret).verify(BODY, headers));
    }

    @Test
    void withTwoSecretsEitherVerifiesAndAThirdDoesNot() throws Exception {
        String current = WebhookSigner.newSecret(random);
        String previous = WebhookSigner.newSecret(random);
        long now = Instant.now().getEpochSecond();
        String header = WebhookSigner.signatures(List.of(current, previous), ID, now, BODY);
        assertEquals(2, header.split(" ").length, header);
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(ID), "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(header));
        new Webhook(current).verify(BODY, headers);
        new Webhook(previous).verify(BODY, headers);
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(WebhookSigner.newSecret(random)).verify(BODY, headers));
    }

    @Test
    void aChangedBodyNoLongerVerifies() {
        String secret = WebhookSigner.newSecret(random);
        long now = Instant.now().getEpochSecond();
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(ID), "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(WebhookSigner.sign(secret, ID, now, BODY)));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(secret).verify(BODY.replace("failed", "passed"), headers));
    }

    @Test
    void aRotatedOutSecretSignsOnlyUntilItsOverlapEnds() {
        Instant expires = Instant.parse("2026-12-08T10:00:00Z");
        WebhookTarget target = new WebhookTarget(null, "https://example.com/hook", true, "whsec_new", "whsec_old", expires);
        assertEquals(List.of("whsec_new", "whsec_old"), target.signingSecrets(expires.minusSeconds(1)));
        assertEquals(List.of("whsec_new"), target.signingSecrets(expires));
        assertEquals(List.of("whsec_new"),
                new WebhookTarget(null, "https://example.com/hook", true, "whsec_new", null, null).signingSecrets(expires));
    }
}
