package dev.flotilla.auth.token;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Queries over refresh tokens. Lookup is by hash: the token is the credential, the tenant comes from the row. */
@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    public Uni<RefreshToken> findByHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }

    /**
     * Marks the token used unless it already is. Exactly one of any number of concurrent callers
     * gets {@code true}: the row lock serialises them and the others see it used.
     */
    public Uni<Boolean> markUsed(UUID id, Instant now) {
        return update("usedAt = ?1 where id = ?2 and usedAt is null", now, id).map(count -> count == 1);
    }
}
