package dev.flotilla.auth.key;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Queries over the signing keys. */
@ApplicationScoped
class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, UUID> {

    /** Arbitrary constant naming the advisory lock of key changes. */
    private static final long KEY_LOCK = 0x466c6f744b657973L;

    /** Every key still published, oldest activation first. */
    public Uni<List<SigningKey>> published(Instant now) {
        return list("expiresAt is null or expiresAt > ?1 order by activatesAt, createdAt", now);
    }

    public Uni<Long> deleteExpired(Instant now) {
        return delete("expiresAt is not null and expiresAt <= ?1", now);
    }

    /**
     * Takes the advisory lock of key changes for the rest of the transaction, so that replicas change
     * keys one at a time: waits for it when {@code wait}, otherwise answers at once whether it was free.
     */
    public Uni<Boolean> lockKeyChanges(boolean wait) {
        String sql = wait ? "select true from (select pg_advisory_xact_lock(?1)) locked"
                : "select pg_try_advisory_xact_lock(?1)";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Boolean.class)
                .setParameter(1, KEY_LOCK)
                .getSingleResult());
    }
}
