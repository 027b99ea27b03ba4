package dev.flotilla.auth.key;

import jakarta.inject.Singleton;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * This replica's in-memory view of the published signing keys: the key to sign with, the public
 * keys to verify with, and the JWKS document. Replaced as a whole by {@link KeyService} when the
 * keys change here or (seen by the periodic reload) on another replica; reads never touch the database.
 */
@Singleton // no client proxy: read on every token signed
public class KeyRing {

    /** A decrypted key as this replica uses it. */
    public record LoadedKey(String kid, RSAPublicKey publicKey, PrivateKey privateKey, Instant activatesAt, Instant expiresAt) {
    }

    private record Snapshot(List<LoadedKey> keys, Map<String, LoadedKey> byKid, String jwks) {
    }

    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), "{\"keys\":[]}");

    void replace(List<LoadedKey> keys) {
        List<LoadedKey> ordered = keys.stream().sorted(Comparator.comparing(LoadedKey::activatesAt)).toList();
        Map<String, LoadedKey> byKid = ordered.stream()
                .collect(Collectors.toUnmodifiableMap(LoadedKey::kid, Function.identity()));
        JsonWebKeySet set = new JsonWebKeySet();
        for (LoadedKey key : ordered) {
            RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
            jwk.setKeyId(key.kid());
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            set.addJsonWebKey(jwk);
        }
        snapshot = new Snapshot(ordered, byKid, set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    /** The key that signs now: the published key activated most recently. */
    public LoadedKey signingKey() {
        Instant now = Instant.now();
        LoadedKey current = null;
        for (LoadedKey key : snapshot.keys()) {
            if (!key.activatesAt().isAfter(now) && (key.expiresAt() == null || key.expiresAt().isAfter(now))) {
                current = key;
            }
        }
        if (current == null) {
            throw new IllegalStateException("No signing key is active");
        }
        return current;
    }

    /** The public key a token's {@code kid} names, if it is published. */
    public Optional<RSAPublicKey> publicKey(String kid) {
        LoadedKey key = kid == null ? null : snapshot.byKid().get(kid);
        if (key == null || key.expiresAt() != null && !key.expiresAt().isAfter(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(key.publicKey());
    }

    /** The JWKS document (RFC 7517) of the published public keys. */
    public String jwks() {
        return snapshot.jwks();
    }

    public List<LoadedKey> keys() {
        return snapshot.keys();
    }
}
