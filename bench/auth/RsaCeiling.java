import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SHA256withRSA signatures and verifications per second with a 2048-bit key on one thread: every
 * access token auth-service issues costs one signature, every request it authenticates one
 * verification, so these bound what one core can do. Measures the JDK's provider and, when it is on
 * the class path and its native library loads, Amazon Corretto Crypto Provider (what auth-service
 * signs with where it can). Prints the best of three 1-second rounds of each.
 */
public class RsaCeiling {

    private static final String CORRETTO = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    public static void main(String[] args) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        List<Provider> providers = new ArrayList<>(List.of(Signature.getInstance("SHA256withRSA").getProvider()));
        corretto().ifPresent(providers::add);
        List<Ceiling> ceilings = new ArrayList<>();
        for (Provider provider : providers) {
            ceilings.add(new Ceiling(provider, pair));
        }
        // Rounds alternate between the providers, so a change in the machine's load weighs on each alike.
        for (int round = 0; round < 4; round++) {
            for (Ceiling ceiling : ceilings) {
                ceiling.round(round > 0); // the first round warms the JIT up
            }
        }
        System.out.println(String.join("; ", ceilings.stream().map(Ceiling::toString).toList()));
    }

    private static Optional<Provider> corretto() {
        try {
            Provider provider = (Provider) Class.forName(CORRETTO).getField("INSTANCE").get(null);
            Object loadingError = provider.getClass().getMethod("getLoadingError").invoke(provider);
            return loadingError == null ? Optional.of(provider) : Optional.empty();
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** One provider's best figures so far. */
    private static final class Ceiling {
        private final Provider provider;
        private final PrivateKey privateKey;
        private final PublicKey publicKey;
        private final Signature signer;
        private final Signature verifier;
        private final byte[] payload = new byte[400]; // about the size of a token's signing input
        private long bestSign;
        private long bestVerify;

        Ceiling(Provider provider, KeyPair pair) throws Exception {
            this.provider = provider;
            // Keys in the provider's own form, as auth-service hands them over.
            KeyFactory keys = KeyFactory.getInstance("RSA", provider);
            privateKey = (PrivateKey) keys.translateKey(pair.getPrivate());
            publicKey = (PublicKey) keys.translateKey(pair.getPublic());
            signer = Signature.getInstance("SHA256withRSA", provider);
            verifier = Signature.getInstance("SHA256withRSA", provider);
        }

        /** A 1-second signing round and a half-second verifying one; {@code counted}: keep the figures. */
        void round(boolean counted) throws Exception {
            byte[] signature = null;
            long signed = 0;
            for (long end = System.nanoTime() + 1_000_000_000L; System.nanoTime() < end; signed++) {
                signer.initSign(privateKey);
                signer.update(payload);
                signature = signer.sign();
            }
            long verified = 0;
            for (long end = System.nanoTime() + 500_000_000L; System.nanoTime() < end; verified++) {
                verifier.initVerify(publicKey);
                verifier.update(payload);
                verifier.verify(signature);
            }
            if (counted) {
                bestSign = Math.max(bestSign, signed);
                bestVerify = Math.max(bestVerify, verified * 2);
            }
        }

        @Override
        public String toString() {
            return String.format("%s %d signatures/s, %d verifications/s", provider.getName(), bestSign, bestVerify);
        }
    }
}
