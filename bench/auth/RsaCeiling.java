import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;

/**
 * SHA256withRSA signatures and verifications per second with a 2048-bit key on one thread: every
 * access token auth-service issues costs one signature, every request it authenticates one
 * verification, so these bound what one core can do. Prints the best of three 1-second rounds.
 */
public class RsaCeiling {

    public static void main(String[] args) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] payload = new byte[400]; // about the size of a token's signing input
        Signature signer = Signature.getInstance("SHA256withRSA");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        byte[] signature = null;
        long bestSign = 0;
        long bestVerify = 0;
        for (int round = 0; round < 4; round++) {
            long count = 0;
            for (long end = System.nanoTime() + 1_000_000_000L; System.nanoTime() < end; count++) {
                signer.initSign(pair.getPrivate());
                signer.update(payload);
                signature = signer.sign();
            }
            long verified = 0;
            for (long end = System.nanoTime() + 500_000_000L; System.nanoTime() < end; verified++) {
                verifier.initVerify(pair.getPublic());
                verifier.update(payload);
                verifier.verify(signature);
            }
            if (round > 0) { // the first round warms the JIT up
                bestSign = Math.max(bestSign, count);
                bestVerify = Math.max(bestVerify, verified * 2);
            }
        }
        System.out.printf("%d signatures/s, %d verifications/s%n", bestSign, bestVerify);
    }
}
