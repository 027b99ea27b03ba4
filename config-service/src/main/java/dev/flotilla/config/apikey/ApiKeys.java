package dev.flotilla.config.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flotilla.common.crypto.KeyMaterial;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.notify.ChannelListener;
import dev.flotilla.common.notify.PgNotifications;
import dev.flotilla.config.flag.FlagsConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Finds the key a caller presents. Keys are 256-bit random secrets, so a plain SHA-256 digest is what is
 * stored and looked up (a slow password hash would add nothing against guessing). A key found is kept in
 * memory, by digest, for {@link FlagsConfig#apiKeyCacheTtl()}: a revocation drops it at once here and, over
 * LISTEN/NOTIFY, on every other replica; while notifications are not received, nothing is kept.
 */
@ApplicationScoped
public class ApiKeys implements ChannelListener {

    /** The channel a revocation is announced on, with the key's id. */
    static final String CHANNEL = "flotilla_config_api_keys";

    private final Db db;
    private final PgNotifications notifications;
    private final Cache<String, ApiKeyPrincipal> found;
    private volatile boolean listening;

    public ApiKeys(Db db, PgNotifications notifications, FlagsConfig config) {
        this.db = db;
        this.notifications = notifications;
        this.found = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumSize(10_000)
                .expireAfterWrite(config.apiKeyCacheTtl())
                .build();
    }

    void start(@Observes StartupEvent event) {
        notifications.listen(CHANNEL, this);
    }

    /** The key whose secret is {@code secret}, or null when there is none or it is revoked. */
    Uni<ApiKeyPrincipal> find(String secret) {
        byte[] hash = digest(secret);
        String cacheKey = HexFormat.of().formatHex(hash);
        ApiKeyPrincipal kept = listening ? found.getIfPresent(cacheKey) : null;
        if (kept != null) {
            return Uni.createFrom().item(kept);
        }
        return ApiKeySql.byHash(db.pool(), hash).invoke(key -> {
            if (key != null && listening) {
                found.put(cacheKey, key);
            }
        });
    }

    static byte[] digest(String secret) {
        return KeyMaterial.sha256(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Forgets the key: its next use is looked up again. */
    void revoked(UUID id) {
        found.asMap().values().removeIf(key -> key.id().equals(id));
    }

    @Override
    public void notified(String payload) {
        try {
            revoked(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            found.invalidateAll();
        }
    }

    @Override
    public void subscribed() {
        listening = true;
        found.invalidateAll();
    }

    @Override
    public void interrupted() {
        listening = false;
        found.invalidateAll();
    }
}
