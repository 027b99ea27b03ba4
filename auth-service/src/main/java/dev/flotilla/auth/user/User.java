package dev.flotilla.auth.user;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person who logs in to one tenant. The e-mail is stored lower-case and is unique within the tenant. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {
    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    @Id
    public UUID id;
    public UUID tenantId;
    public String email;
    public String displayName;
    public String passwordHash;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> roles;
    public String status;
    public Instant createdAt;
    public Instant updatedAt;

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }
}
