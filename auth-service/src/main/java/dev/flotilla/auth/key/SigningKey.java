package dev.flotilla.auth.key;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One RSA signing key of the suite (not tenant-owned: every tenant's tokens share the issuer's
 * keys). Published in the JWKS from creation until {@code expiresAt}; signs from
 * {@code activatesAt} until a newer key activates.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {
    @Id
    public UUID id;
    public String kid;
    public String algorithm;
    /** X.509 SubjectPublicKeyInfo (DER). */
    public byte[] publicKey;
    /** PKCS#8 (DER), encrypted with the master key. */
    public byte[] privateKey;
    public String masterKeyId;
    public Instant createdAt;
    public Instant activatesAt;
    /** When it leaves the JWKS: its successor's activation plus the longest token lifetime. Null while it may still sign. */
    public Instant expiresAt;
}
