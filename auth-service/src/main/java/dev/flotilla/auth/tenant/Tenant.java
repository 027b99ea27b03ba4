package dev.flotilla.auth.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An organisation using the suite; everything else it owns carries its id. Users log in by its {@code slug}. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {
    /** The tenant created on the first start; its administrators also run the platform (e.g. rotate keys). */
    public static final String DEFAULT_SLUG = "default";

    @Id
    public UUID id;
    public String slug;
    public String name;
    public Instant createdAt;
}
