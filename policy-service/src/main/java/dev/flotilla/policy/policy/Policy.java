package dev.flotilla.policy.policy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A named policy of a tenant. Its rules live in immutable {@link PolicyVersion}s; the policy
 * points at the version in force ({@code activeVersion}) and the newest one ({@code latestVersion}).
 * {@code revision} is bumped by every change and is the policy's ETag.
 */
@Entity
@Table(name = "policies")
public class Policy {

    @Id
    public UUID id;
    public UUID tenantId;
    public String name;
    public String description;
    public int activeVersion;
    public int latestVersion;
    public long revision;
    public Instant createdAt;
    public Instant updatedAt;

    /** The entity tag clients send back in {@code If-Match}. */
    public String etag() {
        return "\"" + revision + "\"";
    }
}
