package dev.flotilla.auth.key;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.concurrent.Callable;

/**
 * The JCA provider that makes the RSA signatures of access tokens: Amazon Corretto Crypto Provider
 * (AWS-LC) where its native library loads and passes its self-tests, as its native RSA makes more
 * signatures per core than the JDK's Java implementation (most where ACCP 2.5.0's AVX-512 IFMA code
 * finds a CPU that has it); the JDK's own provider everywhere else. Chosen once at start-up and logged.
 * <p>
 * Corretto is registered at the lowest priority, so nothing else in the process picks it up: only
 * the signing code asks for it ({@link #rs256}), with keys {@link #prepare prepared} in its own form (handing
 * it the JDK's key objects would convert them on every signature). A singleton without a client
 * proxy, so that the choice is made exactly once; made on the main thread before the start-up
 * observers load the keys, as loading Corretto writes its native library to a temporary file and
 * runs its self-tests, work that does not belong on an event loop.
 */
@Singleton
@Startup(ObserverMethod.DEFAULT_PRIORITY - 1)
public class SigningProvider {

    private static final Logger LOG = Logger.getLogger(SigningProvider.class);

    private final Provider provider;
    // A Signature object is not thread-safe and costly to look up (a provider service search and a
    // reflective construction): each thread keeps one initialised with the key it last signed with.
    // After sign() it is ready for the next signature with the same key; a new key gets a new object
    // rather than a second initSign (re-initialising a Corretto 2.5.0 Signature failed in the tests with
    // "Key has been destroyed", from its release of the previous key).
    private final ThreadLocal<KeySigner> signers = new ThreadLocal<>();

    private record KeySigner(PrivateKey key, Signature signature) {
    }

    public SigningProvider() {
        this(SigningProvider::corretto);
    }

    /** With the accelerated provider {@code accelerated} yields, or the JDK's when it fails. */
    SigningProvider(Callable<Provider> accelerated) {
        Provider chosen;
        try {
            chosen = accelerated.call();
            Security.addProvider(chosen);
            LOG.infof("Access tokens are signed with %s", chosen.getName());
        } catch (Exception | LinkageError e) {
            chosen = jdkProvider();
            LOG.infof("Access tokens are signed with the JDK's %s (Amazon Corretto Crypto Provider is not available here: %s)",
                    chosen.getName(), e.toString());
        }
        provider = chosen;
    }

    private static Provider corretto() {
        AmazonCorrettoCryptoProvider corretto = AmazonCorrettoCryptoProvider.INSTANCE;
        corretto.assertHealthy();
        return corretto;
    }

    private static Provider jdkProvider() {
        try {
            return Signature.getInstance("SHA256withRSA").getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no SHA256withRSA", e);
        }
    }

    /** The name of the provider that signs. */
    public String name() {
        return provider.getName();
    }

    /** {@code key} in the signing provider's own form; done once per loaded key. */
    public PrivateKey prepare(PrivateKey key) throws GeneralSecurityException {
        return (PrivateKey) KeyFactory.getInstance(key.getAlgorithm(), provider).translateKey(key);
    }

    /** The SHA256withRSA signature of {@code data} with {@code key}, made by the chosen provider. */
    public byte[] rs256(PrivateKey key, byte[] data) throws GeneralSecurityException {
        KeySigner signer = signers.get();
        if (signer == null || signer.key() != key) {
            Signature signature = Signature.getInstance("SHA256withRSA", provider);
            signature.initSign(key);
            signer = new KeySigner(key, signature);
            signers.set(signer);
        }
        try {
            signer.signature().update(data);
            return signer.signature().sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            signers.remove(); // its state is unknown: the next signature starts afresh
            throw e;
        }
    }

}
