package dev.flotilla.auth.oauth;

import dev.flotilla.auth.oauth.OAuthResource.ClientCredentials;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the token endpoint reads a client's credentials: HTTP Basic (RFC 6749 §2.3.1) or the form. */
class ClientCredentialsTest {

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicCredentialsComeFromTheAuthorizationHeader() {
        assertEquals(new ClientCredentials("svc-1", "s3cret", true),
                ClientCredentials.of(basic("svc-1:s3cret"), "form-id", "form-secret"));
    }

    @Test
    void theBasicSchemeIsRecognisedInAnyCase() {
        assertEquals(new ClientCredentials("svc-1", "s3cret", true),
                ClientCredentials.of("bASIC " + basic("svc-1:s3cret").substring(6), null, null));
    }

    @Test
    void basicCredentialsAreFormUrlDecoded() {
        assertEquals(new ClientCredentials("svc:1", "p@ss word", true),
                ClientCredentials.of(basic("svc%3A1:p%40ss+word"), null, null));
    }

    @Test
    void theSecretIsEverythingAfterTheFirstColon() {
        assertEquals(new ClientCredentials("svc-1", "se:cret", true), ClientCredentials.of(basic("svc-1:se:cret"), null, null));
    }

    @Test
    void basicCredentialsWithoutAColonAreNone() {
        assertEquals(new ClientCredentials(null, null, true), ClientCredentials.of(basic("svc-1"), "form-id", "form-secret"));
    }

    @Test
    void basicCredentialsThatAreNotBase64AreNone() {
        assertEquals(new ClientCredentials(null, null, true),
                ClientCredentials.of("Basic !!not-base64!!", "form-id", "form-secret"));
    }

    @Test
    void basicCredentialsWithAMalformedEscapeAreNone() {
        assertEquals(new ClientCredentials(null, null, true), ClientCredentials.of(basic("svc-1:%zz"), null, null));
    }

    @Test
    void withoutBasicAuthenticationTheFormsCredentialsAreUsed() {
        assertEquals(new ClientCredentials("form-id", "form-secret", false),
                ClientCredentials.of(null, "form-id", "form-secret"));
    }

    @Test
    void anotherAuthorizationSchemeLeavesTheFormsCredentials() {
        assertEquals(new ClientCredentials("form-id", "form-secret", false),
                ClientCredentials.of("Bearer abc", "form-id", "form-secret"));
    }

    @Test
    void credentialsArePresentedByAnyBasicHeaderOrEitherFormField() {
        assertTrue(ClientCredentials.of("Basic !!not-base64!!", null, null).presented());
        assertTrue(ClientCredentials.of(null, "form-id", null).presented());
        assertTrue(ClientCredentials.of(null, null, "form-secret").presented());
    }

    @Test
    void noCredentialsAreNotPresented() {
        assertFalse(ClientCredentials.of(null, null, null).presented());
        assertFalse(ClientCredentials.of("Bearer abc", null, null).presented());
    }
}
