package dev.flotilla.auth.session;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a session, known only by its SHA-256. Each refresh marks it used and issues
 * the next; presenting a used one again is reuse, which ends the session. A token issued to a
 * service client at the token endpoint names it, and only that client may refresh it.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;
    public UUID sessionId;
    public String tokenHash;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant usedAt;
    /** The client it was issued to; null when it was issued without one (a login). */
    public String clientId;
}
