package dev.flotilla.policy.policy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant this service has provisioned with its default policy. The row exists so that the
 * default is created exactly once: a tenant that deletes its default policy does not get it back.
 */
@Entity
@Table(name = "tenants")
public class Tenant {

    @Id
    public UUID tenantId;
    public Instant provisionedAt;
}
