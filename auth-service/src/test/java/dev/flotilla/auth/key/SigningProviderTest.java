package dev.flotilla.auth.key;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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

    /** An RS256 JWS of {@code payload} made through {@code signing}, as AccessTokens makes them. */
    private static String sign(SigningProvider signing, String payload) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setProviderContext(signing.joseContext());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(signing.prepare(PAIR.getPrivate()));
        jws.setPayload(payload);
        return jws.getCompactSerialization();
    }

    /** Checks the JWS with the JDK's own SHA256withRSA, no JOSE library involved. */
    private static boolean verifiesWithTheJdk(String jws) throws Exception {
        int lastDot = jws.lastIndexOf('.');
        Signature verifier = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        verifier.initVerify(PAIR.getPublic());
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
}
