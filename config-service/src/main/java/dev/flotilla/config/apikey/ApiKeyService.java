package dev.flotilla.config.apikey;

import dev.flotilla.common.audit.AuditTrail;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.config.environment.EnvironmentSql;
import dev.flotilla.config.flag.FlagEnvironments;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's API keys: each evaluates the tenant's flags of one environment over OFREP, and nothing else.
 * The secret, {@code flk_} and 43 base64url characters (256 random bits), is shown once, when the key is
 * created; only its digest is kept. Revoking is at once, on every replica. The environment is one of the tenant's
 * (404 naming it otherwise). Creating and revoking a key are recorded in auth-service's audit trail, with the
 * key's id, name and environment, never its secret.
 */
@ApplicationScoped
public class ApiKeyService {

    private static final String SECRET_PREFIX = "flk_";
    private static final int SECRET_BYTES = 32;
    private static final int SHOWN_CHARACTERS = 12;

    private final Db db;
    private final ApiKeys keys;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyService(Db db, ApiKeys keys, AuditTrail audit) {
        this.db = db;
        this.keys = keys;
        this.audit = audit;
    }

    public Uni<CreatedApiKey> create(UUID tenant, String actor, CreateApiKey request) {
        String environment = FlagEnvironments.require("environment", request.environment());
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return db.tx(tx -> EnvironmentSql.hold(tx, tenant, environment).chain(exists -> {
            if (!exists) {
                return Uni.createFrom().failure(new NotFound("environment", environment));
            }
            return ApiKeySql.insert(tx, Ids.next(), tenant, request.name().strip(), environment, ApiKeys.digest(secret),
                    secret.substring(0, SHOWN_CHARACTERS), actor)
                    .call(view -> audit.record(tx, tenant, "config.api-key.created", actor, view.id().toString(),
                            detail(view)));
        })).map(view -> CreatedApiKey.of(view, secret));
    }

    public Uni<ApiKeyView> get(UUID tenant, UUID id) {
        return ApiKeySql.find(db.pool(), tenant, id).onItem().ifNull().failWith(() -> new NotFound("API key", id));
    }

    public Uni<Page<ApiKeyView>> list(UUID tenant, PageParams page) {
        UUID after = page.after() == null ? null : page.after().id();
        return ApiKeySql.page(db.pool(), tenant, after, page.limit() + 1)
                .map(views -> Page.fromOverfetch(views, page.limit(), view -> Cursor.of(view.id())));
    }

    /** Revokes the key: from now on it is refused (401) on every replica. */
    public Uni<ApiKeyView> revoke(UUID tenant, String actor, UUID id) {
        return db.tx(connection -> ApiKeySql.revoke(connection, tenant, id, actor)
                .call(revoked -> revoked == null || !revoked.now() ? Uni.createFrom().voidItem()
                        : audit.record(connection, tenant, "config.api-key.revoked", actor, id.toString(),
                                detail(revoked.view()))))
                .onItem().ifNull().failWith(() -> new NotFound("API key", id))
                .map(ApiKeySql.Revoked::view)
                .invoke(view -> keys.revoked(view.id()));
    }

    private static Map<String, Object> detail(ApiKeyView view) {
        return Map.of("name", view.name(), "environment", view.environment());
    }
}
