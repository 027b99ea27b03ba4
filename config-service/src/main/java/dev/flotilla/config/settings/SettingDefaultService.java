package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.PreconditionFailed;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.request.Preconditions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * A tenant's defaults: the value of a category's key for every user of the tenant who has not set
 * their own. Changes honour an optional {@code If-Match}; a default's {@code ETag} is the one its
 * users see while it applies to them.
 */
@ApplicationScoped
public class SettingDefaultService {

    private final Db db;
    private final CategoryService categories;
    private final SettingsConfig limits;

    public SettingDefaultService(Db db, CategoryService categories, SettingsConfig limits) {
        this.db = db;
        this.categories = categories;
        this.limits = limits;
    }

    public Uni<Tagged<DefaultView>> get(UUID tenant, String category, String key) {
        SettingNames.requireKey("key", key);
        return categories.require(db.pool(), tenant, category, false)
                .chain(found -> SettingSql.findDefault(db.pool(), tenant, category, key))
                .map(found -> {
                    if (found == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND,
                                "The tenant has no default for " + category + "/" + key);
                    }
                    return Tagged.of(found, tag(found));
                });
    }

    /** As {@link SettingService#put}, for the tenant's default. */
    public Uni<Tagged<DefaultView>> put(UUID tenant, String updatedBy, String category, String key, String ifMatch,
            JsonNode value) {
        SettingNames.requireKey("key", key);
        String text = SettingValues.require("value", value, limits.maxValueSize().asLongValue());
        return db.tx(tx -> categories.require(tx, tenant, category, true)
                .invoke(found -> found.requireValid("value", text))
                .call(() -> SettingSql.lockDefaults(tx, tenant, category))
                .chain(() -> SettingSql.findDefault(tx, tenant, category, key))
                .chain(current -> {
                    requireMatch(ifMatch, current, category + "/" + key);
                    Uni<Void> room = current != null ? Uni.createFrom().voidItem()
                            : SettingSql.countDefaults(tx, tenant, category).invoke(n -> {
                                if (n >= limits.maxKeysPerCategory()) {
                                    throw new Conflict("A category holds at most " + limits.maxKeysPerCategory()
                                            + " defaults; remove some of " + category + " first");
                                }
                            }).replaceWithVoid();
                    return room.chain(() -> SettingSql.upsertDefault(tx, tenant, category, key, text, updatedBy))
                            .map(written -> new Tagged<>(written, tag(written), current == null));
                }));
    }

    /** 404 when the tenant has no default for the key. */
    public Uni<Void> delete(UUID tenant, String category, String key, String ifMatch) {
        SettingNames.requireKey("key", key);
        return db.tx(tx -> categories.require(tx, tenant, category, false)
                .call(() -> SettingSql.lockDefaults(tx, tenant, category))
                .chain(() -> SettingSql.findDefault(tx, tenant, category, key))
                .chain(current -> {
                    if (current == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND,
                                "The tenant has no default for " + category + "/" + key);
                    }
                    requireMatch(ifMatch, current, category + "/" + key);
                    return SettingSql.deleteDefault(tx, tenant, category, key).replaceWithVoid();
                }));
    }

    private static String tag(DefaultView view) {
        return SettingTags.of(new Resolved(view.value(), Source.TENANT, view.updatedAt()));
    }

    private static void requireMatch(String ifMatch, DefaultView current, String setting) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (current == null) {
            throw new PreconditionFailed("The tenant has no default for " + setting + " for If-Match " + ifMatch.strip()
                    + " to name");
        }
        Preconditions.check(ifMatch, tag(current), "default of " + setting);
    }
}
