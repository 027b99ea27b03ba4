package dev.flotilla.auth.key;

import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.common.id.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.HashUtil;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Creates, rotates, retires and loads the signing keys. Keys live in the database so that every
 * replica signs with the same key; a rotation publishes the new key (by default ahead of its
 * activation, so verifiers' JWKS caches learn it first) and gives the old one an expiry after the
 * last token it signed has expired. Changes are serialised across replicas with an advisory lock.
 */
@ApplicationScoped
public class KeyService {

    private static final Logger LOG = Logger.getLogger(KeyService.class);

    private final SigningKeyRepository repository;
    private final KeyRing ring;
    private final MasterKey masterKey;
    private final AuthConfig config;
    private final SigningProvider signing;
    private final Vertx vertx;

    public KeyService(SigningKeyRepository repository, KeyRing ring, MasterKey masterKey, AuthConfig config,
            SigningProvider signing, Vertx vertx) {
        this.repository = repository;
        this.ring = ring;
        this.masterKey = masterKey;
        this.config = config;
        this.signing = signing;
        this.vertx = vertx;
    }

    /** What a rotation did: the new key and when it starts signing. */
    public record Rotation(String kid, Instant activatesAt, List<String> retiring) {
    }

    /**
     * On start-up: makes sure a signing key exists (the first replica creates it), then loads the keys.
     * The keys of a rotation under way are kept as planned, whatever its stage.
     */
    @WithTransaction
    public Uni<Void> ensureSigningKey() {
        Instant now = Instant.now();
        return repository.lockKeyChanges(true)
                .chain(() -> repository.published(now))
                .chain(keys -> hasPlannedKeys(keys, now)
                        ? Uni.createFrom().voidItem()
                        : newKey(now).chain(key -> repository.persist(key))
                                .invoke(key -> LOG.infof("Created signing key %s", key.kid)).replaceWithVoid())
                .chain(this::reloadInSession);
    }

    /**
     * Whether the published keys need no new one: a key signs now, and one has no expiry (it signs
     * now, or is the pending successor of a rotation, which gave the signing key its expiry).
     */
    static boolean hasPlannedKeys(List<SigningKey> published, Instant now) {
        return published.stream().anyMatch(k -> !k.activatesAt.isAfter(now))
                && published.stream().anyMatch(k -> k.expiresAt == null);
    }

    /**
     * Rotates now: {@code immediate} makes the new key sign at once (after a compromise; verifiers
     * that cached the JWKS refetch on the unknown kid), otherwise it signs after the publish-ahead period.
     */
    @WithTransaction
    public Uni<Rotation> rotate(boolean immediate) {
        return repository.lockKeyChanges(true).chain(() -> rotateLocked(immediate));
    }

    /** The scheduled check: rotates when the signing key is due, drops public keys whose tokens have all expired. */
    @WithTransaction
    public Uni<Boolean> rotateIfDue() {
        Instant now = Instant.now();
        return repository.lockKeyChanges(false).chain(locked -> {
            if (!locked) {
                return Uni.createFrom().item(false);
            }
            return repository.deleteExpired(now)
                    .chain(() -> repository.published(now))
                    .chain(keys -> {
                        Instant newest = keys.stream().map(k -> k.activatesAt).max(Instant::compareTo).orElse(Instant.MIN);
                        boolean due = !newest.plus(config.keys().rotationInterval()).minus(config.keys().publishAhead())
                                .isAfter(now);
                        return due ? rotateLocked(false).replaceWith(true) : reloadInSession().replaceWith(false);
                    });
        });
    }

    /** Reloads this replica's key ring from the database. */
    @WithSession
    public Uni<Void> reload() {
        return reloadInSession();
    }

    private Uni<Rotation> rotateLocked(boolean immediate) {
        Instant now = Instant.now();
        Instant activatesAt = immediate ? now : now.plus(config.keys().publishAhead());
        Duration longestToken = max(config.tokens().accessTtl(), config.tokens().serviceTtl())
                .plus(Duration.ofSeconds(config.clockSkew()));
        return repository.published(now).chain(keys -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            List<String> retiring = keys.stream().filter(k -> !k.activatesAt.isAfter(now)).map(k -> k.kid).toList();
            for (SigningKey key : keys) {
                if (key.activatesAt.isAfter(now)) {
                    // Never signed anything: a pending key superseded by this rotation simply goes.
                    chain = chain.chain(() -> repository.delete(key));
                } else if (key.expiresAt == null) {
                    key.expiresAt = activatesAt.plus(longestToken);
                }
            }
            return chain.chain(() -> newKey(activatesAt))
                    .chain(key -> repository.persist(key))
                    .call(() -> Panache.flush())
                    .call(this::reloadInSession)
                    .invoke(key -> LOG.infof("Rotated signing keys: %s signs from %s", key.kid, key.activatesAt))
                    .map(key -> new Rotation(key.kid, key.activatesAt, retiring));
        });
    }

    private Uni<Void> reloadInSession() {
        Instant now = Instant.now();
        return repository.published(now).map(keys -> keys.stream().map(this::load).toList())
                .invoke(ring::replace)
                .replaceWithVoid();
    }

    private KeyRing.LoadedKey load(SigningKey key) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(key.publicKey));
            if (!masterKey.id().equals(key.masterKeyId)) {
                throw new IllegalStateException("Signing key " + key.kid + " was encrypted with master key " + key.masterKeyId
                        + " but the configured master key is " + masterKey.id()
                        + ": every replica needs the same FLOTILLA_AUTH_MASTER_KEY");
            }
            var privateKey = signing
                    .prepare(rsa.generatePrivate(new PKCS8EncodedKeySpec(masterKey.decrypt(key.privateKey, key.kid))));
            return new KeyRing.LoadedKey(key.kid, publicKey, privateKey, key.activatesAt, key.expiresAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + key.kid + " cannot be read", e);
        }
    }

    /** Generates a key pair off the event loop (it takes a noticeable fraction of a second). */
    private Uni<SigningKey> newKey(Instant activatesAt) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(config.keys().rsaBits());
                KeyPair pair = generator.generateKeyPair();
                SigningKey key = new SigningKey();
                key.id = Ids.next();
                // RFC 7638 thumbprint: a kid derived from the key itself.
                key.kid = new RsaJsonWebKey((RSAPublicKey) pair.getPublic())
                        .calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
                key.algorithm = "RS256";
                key.publicKey = pair.getPublic().getEncoded();
                key.privateKey = masterKey.encrypt(pair.getPrivate().getEncoded(), key.kid);
                key.masterKeyId = masterKey.id();
                key.createdAt = Instant.now();
                key.activatesAt = activatesAt;
                return key;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA key generation failed", e);
            }
        }), false);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
