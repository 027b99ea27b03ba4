package dev.flotilla.auth.key;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.jose4j.jca.ProviderContext;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.concurrent.Callable;

/**
 * The JCA provider that makes the RSA signatures of access tokens: Amazon Corretto Crypto Provider
 * (AWS-LC) where its native library loads and passes its self-tests, two to four times the JDK's
 * signatures per core (four with the AVX-512 IFMA code of ACCP 2.5.0 on CPUs that have it); the
 * JDK's own provider everywhere else. Chosen once at start-up and logged.
 * <p>
 * Corretto is registered at the lowest priority, so nothing else in the process picks it up: only
 * the signing code asks for it, by name, with keys {@link #prepare prepared} in its own form (handing
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
    private final ProviderContext context = new ProviderContext();

    public SigningProvider() {
        this(SigningProvider::corretto);
    }

    /** With the accelerated provider {@code accelerated} yields, or the JDK's when it fails. */
    SigningProvider(Callable<Provider> accelerated) {
        Provider chosen;
        try {
            chosen = accelerated.call();
            Security.addProvider(chosen);
            context.getSuppliedKeyProviderContext().setSignatureProvider(chosen.getName());
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

    /** Tells jose4j which provider signs. */
    public ProviderContext joseContext() {
        return context;
    }
}
