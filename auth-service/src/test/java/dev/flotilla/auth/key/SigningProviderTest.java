package dev.flotilla.auth.key;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Which provider signs, and that what it signs verifies with the JDK alone. */
class SigningProviderTest {

    private static final KeyPair PAIR = generate();

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RS256 JWS of {@code payload} signed by {@code signing} with {@code key}, as AccessTokens makes them. */
    private static String sign(SigningProvider signing, PrivateKey key, String payload) throws Exception {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String input = base64url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + '.'
                + base64url.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return input + '.' + base64url.encodeToString(signing.rs256(key, input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String sign(SigningProvider signing, String payload) throws Exception {
        return sign(signing, signing.prepare(PAIR.getPrivate()), payload);
    }

    /** Checks the JWS with the JDK's own SHA256withRSA, no JOSE library involved. */
    private static boolean verifiesWithTheJdk(String jws) throws Exception {
        return verifiesWithTheJdk(jws, PAIR.getPublic());
    }

    private static boolean verifiesWithTheJdk(String jws, PublicKey key) throws Exception {
        int lastDot = jws.lastIndexOf('.');
        Signature verifier = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        verifier.initVerify(key);
        verifier.update(jws.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(jws.substring(lastDot + 1)));
    }

    @Test
    void correttoSignsWhereItsNativeLibraryLoads() throws Exception {
        assumeTrue(AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError() == null, "Corretto does not load on this platform");
        SigningProvider signing = new SigningProvider();

        assertEquals(AmazonCorrettoCryptoProvider.PROVIDER_NAME, signing.name());
        assertTrue(signing.prepare(PAIR.getPrivate()).getClass().getName().startsWith("com.amazon.corretto"),
                "keys are handed to Corretto in its own form");
        assertTrue(verifiesWithTheJdk(sign(signing, "{\"sub\":\"corretto\"}")));
    }

    @Test
    void theJdkSignsWhenCorrettoCannotLoad() throws Exception {
        SigningProvider signing = new SigningProvider(() -> {
            throw new UnsatisfiedLinkError("no native library for this platform");
        });

        assertEquals(Signature.getInstance("SHA256withRSA").getProvider().getName(), signing.name());
        assertTrue(verifiesWithTheJdk(sign(signing, "{\"sub\":\"jdk\"}")));
    }

    @Test
    void aThreadSignsOneAfterAnotherWithOneKeyAndThenWithTheNext() throws Exception {
        SigningProvider signing = new SigningProvider();
        KeyPair next = generate();
        PrivateKey first = signing.prepare(PAIR.getPrivate());
        PrivateKey second = signing.prepare(next.getPrivate());

        for (int i = 0; i < 3; i++) {
            assertTrue(verifiesWithTheJdk(sign(signing, first, "{\"n\":" + i + "}")));
        }
        assertTrue(verifiesWithTheJdk(sign(signing, second, "{\"key\":\"next\"}"), next.getPublic()));
        assertTrue(verifiesWithTheJdk(sign(signing, first, "{\"key\":\"first again\"}")));
        assertTrue(verifiesWithTheJdk(sign(signing, PAIR.getPrivate(), "{\"key\":\"not prepared\"}")));
        assertTrue(verifiesWithTheJdk(sign(signing, PAIR.getPrivate(), "{\"key\":\"not prepared, again\"}")));
    }
}
