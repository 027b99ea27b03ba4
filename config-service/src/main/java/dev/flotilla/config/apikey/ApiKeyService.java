package dev.flotilla.config.apikey;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.config.flag.FlagEnvironments;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * A tenant's API keys: each evaluates the tenant's flags of one environment over OFREP, and nothing else.
 * The secret, {@code flk_} and 43 base64url characters (256 random bits), is shown once, when the key is
 * created; only its digest is kept. Revoking is at once, on every replica.
 */
@ApplicationScoped
public class ApiKeyService {

    private static final String SECRET_PREFIX = "flk_";
    private static final int SECRET_BYTES = 32;
    private static final int SHOWN_CHARACTERS = 12;

    private final Db db;
    private final ApiKeys keys;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyService(Db db, ApiKeys keys) {
        this.db = db;
        this.keys = keys;
    }

    public Uni<CreatedApiKey> create(UUID tenant, String actor, CreateApiKey request) {
        String environment = FlagEnvironments.require("environment", request.environment());
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return db.statement(pool -> ApiKeySql.insert(pool, Ids.next(), tenant, request.name().strip(), environment,
                ApiKeys.digest(secret), secret.substring(0, SHOWN_CHARACTERS), actor))
                .map(view -> CreatedApiKey.of(view, secret));
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
        return db.tx(connection -> ApiKeySql.revoke(connection, tenant, id, actor))
                .onItem().ifNull().failWith(() -> new NotFound("API key", id))
                .invoke(view -> keys.revoked(view.id()));
    }
}
