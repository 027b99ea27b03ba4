package dev.flotilla.auth.client;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A service of the suite that obtains its own tokens with the client_credentials grant. Only the secret's SHA-256 is kept. */
@Entity
@Table(name = "service_client")
public class ServiceClient extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;
    public String clientId;
    public String name;
    public String secretHash;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> roles;
    public Instant createdAt;
    public Instant secretRotatedAt;
}
