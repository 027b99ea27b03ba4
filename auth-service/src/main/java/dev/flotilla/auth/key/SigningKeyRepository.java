package dev.flotilla.auth.key;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Queries over the signing keys. */
@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, UUID> {

    /** Every key still published, oldest activation first. */
    public Uni<List<SigningKey>> published(Instant now) {
        return list("expiresAt is null or expiresAt > ?1 order by activatesAt, createdAt", now);
    }

    public Uni<Long> deleteExpired(Instant now) {
        return delete("expiresAt is not null and expiresAt <= ?1", now);
    }
}
