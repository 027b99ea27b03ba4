package dev.flotilla.auth.session;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One login of a user on one device: lives from the login until it expires, is logged out, or is
 * revoked (password change, reuse of a rotated refresh token, the user disabled).
 */
@Entity
@Table(name = "login_session")
public class LoginSession extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;
    public UUID userId;
    public String clientAddress;
    public String userAgent;
    public Instant createdAt;
    public Instant lastUsedAt;
    public Instant expiresAt;
    public Instant revokedAt;
    public String revokedReason;

    public boolean live(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
