package dev.flotilla.auth.session;

import dev.flotilla.auth.audit.AuditType;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.id.Ids;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Queries over refresh tokens. Lookup is by hash: the token is the credential, the tenant comes from the row. */
@ApplicationScoped
class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    /**
     * The whole rotation in one statement: the presented token is marked used only if it is unused and
     * unexpired, issued without a client or to the presenting one ($10, null without client
     * authentication), its session live and its user active; then the session is touched (when it was
     * last used before $9, see {@link SessionService#LAST_USED_RESOLUTION}), the successor stored
     * (issued to the presenting client) and the refresh audited. The row lock of the update serialises concurrent presentations
     * of one token:
     * the first marks it used, the others find it used and match nothing.
     */
    private static final String ROTATE = """
            with used as (
                update refresh_token t set used_at = $2
                from login_session s, app_user u
                where t.token_hash = $1 and t.used_at is null and t.expires_at > $2
                  and (t.client_id is null or t.client_id = $10)
                  and s.id = t.session_id and s.revoked_at is null and s.expires_at > $2
                  and u.id = s.user_id and u.status = 'active'
                returning t.tenant_id, t.session_id, s.expires_at, s.last_used_at, u.id as user_id, u.roles
            ), touched as (
                update login_session s set last_used_at = $2 from used
                where s.id = used.session_id and used.last_used_at < $9
            ), successor as (
                insert into refresh_token (id, tenant_id, session_id, token_hash, created_at, expires_at, client_id)
                select $3, tenant_id, session_id, $4, $2, expires_at, $10 from used
            ), audited as (
                insert into audit_event (id, tenant_id, type, actor, subject, occurred_at, client_address, user_agent, detail)
                select $5, tenant_id, $6, user_id::text, user_id::text, $2, $7, $8, jsonb_build_object('session', session_id::text)
                from used
            )
            select tenant_id, session_id, user_id, roles from used""";

    private final Pool pool;

    public RefreshTokenRepository(Pool pool) {
        this.pool = pool;
    }

    /** The session whose refresh token was rotated, and its user. */
    public record Rotated(UUID tenantId, UUID sessionId, UUID userId, List<String> roles) {
    }

    public Uni<RefreshToken> findByHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }

    /** Deletes the tokens whose session no longer exists; returns how many. */
    public Uni<Long> deleteWithoutSession() {
        return delete("from RefreshToken t where not exists (select 1 from LoginSession s where s.id = t.sessionId)");
    }

    /**
     * Rotates the token with hash {@code presentedHash} to a successor with hash {@code successorHash}
     * and records {@code auth.token.refreshed}, atomically and in one round trip; the session's last
     * use becomes {@code now} if it was before {@code touchIfUsedBefore}. {@code clientId} is the
     * authenticated client presenting the token, or null; the successor is issued to it. Null when
     * the token is unknown, used, expired, issued to another client, or its session or user no
     * longer may refresh (nothing is changed then).
     */
    public Uni<Rotated> rotate(String presentedHash, String successorHash, Instant now, Instant touchIfUsedBefore,
            String clientId, Origin origin) {
        Tuple parameters = Tuple.tuple()
                .addString(presentedHash)
                .addOffsetDateTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .addUUID(Ids.next())
                .addString(successorHash)
                .addUUID(Ids.next())
                .addString(AuditType.TOKEN_REFRESHED)
                .addString(origin.address())
                .addString(origin.userAgent())
                .addOffsetDateTime(OffsetDateTime.ofInstant(touchIfUsedBefore, ZoneOffset.UTC))
                .addString(clientId);
        return pool.preparedQuery(ROTATE).execute(parameters)
                .map(rows -> SqlResults.firstRow(rows, RefreshTokenRepository::rotated));
    }

    private static Rotated rotated(Row row) {
        return new Rotated(row.getUUID("tenant_id"), row.getUUID("session_id"), row.getUUID("user_id"),
                Arrays.asList(row.getArrayOfStrings("roles")));
    }
}
