package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.PreconditionFailed;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.request.Preconditions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A user's own settings, read as they apply: the user's own value of a key, else the tenant's
 * default ({@link EffectiveSettings}). Every method takes the user from the caller's token, so one
 * user's settings are out of every other caller's reach, an admin's included. Changes honour an
 * optional {@code If-Match} naming the {@code ETag} of what the caller read.
 */
@ApplicationScoped
public class SettingService {

    private final Db db;
    private final CategoryService categories;
    private final SettingsConfig limits;

    public SettingService(Db db, CategoryService categories, SettingsConfig limits) {
        this.db = db;
        this.categories = categories;
        this.limits = limits;
    }

    /** Every category the user has settings in, or only {@code category}; {@code source} as {@link Source#only}. */
    public Uni<AllSettings> all(UUID tenant, String user, String category, String source) {
        Source only = Source.only(source);
        Uni<String> named = category == null ? Uni.createFrom().nullItem()
                : categories.require(db.pool(), tenant, category, false).map(CategoryView::name);
        return named.chain(name -> SettingSql.many(db.pool(), tenant, user, name).map(layers -> {
            TreeSet<String> names = new TreeSet<>(layers.own().keySet());
            names.addAll(layers.tenant().keySet());
            if (name != null) {
                names.add(name);
            }
            Map<String, CategorySettings> all = new LinkedHashMap<>();
            for (String each : names) {
                SortedMap<String, Resolved> resolved = EffectiveSettings.category(layers.own(each), layers.tenant(each), only);
                if (!resolved.isEmpty() || each.equals(name)) {
                    all.put(each, CategorySettings.of(each, resolved));
                }
            }
            return new AllSettings(all);
        }));
    }

    public Uni<Tagged<CategorySettings>> category(UUID tenant, String user, String category, String source) {
        Source only = Source.only(source);
        return categories.require(db.pool(), tenant, category, false)
                .chain(found -> SettingSql.many(db.pool(), tenant, user, category))
                .map(layers -> tagged(category,
                        EffectiveSettings.category(layers.own(category), layers.tenant(category), only)));
    }

    /** 404 when nothing applies to the key (or nothing of the source asked for). */
    public Uni<Tagged<SettingView>> one(UUID tenant, String user, String category, String key, String source) {
        Source only = Source.only(source);
        SettingNames.requireKey("key", key);
        return categories.require(db.pool(), tenant, category, false)
                .chain(found -> SettingSql.one(db.pool(), tenant, user, category, key))
                .map(layers -> {
                    Resolved resolved = EffectiveSettings.one(layers.own(), layers.tenant(), only);
                    if (resolved == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "There is no setting " + category + "/" + key
                                + (only == null ? "" : " of source " + only.label()));
                    }
                    return Tagged.of(SettingView.of(category, key, resolved), SettingTags.of(resolved));
                });
    }

    /**
     * Sets the user's own value of the key; {@code created} when the user had none before. 400 for a
     * null, 413 for one too large, 422 for one the category's schema refuses, 409 for one key too many,
     * 412 when {@code ifMatch} no longer names what applies to the key.
     */
    public Uni<Tagged<SettingView>> put(UUID tenant, String user, String category, String key, String ifMatch,
            JsonNode value) {
        SettingNames.requireKey("key", key);
        String text = SettingValues.require("value", value, limits.maxValueSize().asLongValue());
        return db.tx(tx -> categories.require(tx, tenant, category, true)
                .invoke(found -> found.requireValid("value", text))
                .call(() -> SettingSql.lockOwn(tx, tenant, user, category))
                .chain(() -> SettingSql.one(tx, tenant, user, category, key))
                .chain(layers -> {
                    requireMatch(ifMatch, EffectiveSettings.one(layers.own(), layers.tenant(), null), category + "/" + key);
                    Uni<Void> room = layers.own() != null ? Uni.createFrom().voidItem()
                            : SettingSql.countOwn(tx, tenant, user, category).invoke(n -> requireRoom(n + 1, n, category))
                                    .replaceWithVoid();
                    return room.chain(() -> SettingSql.upsertOwn(tx, tenant, user, category, Map.of(key, text)))
                            .map(written -> {
                                Resolved resolved = Resolved.of(written.get(key), Source.USER);
                                return new Tagged<>(SettingView.of(category, key, resolved), SettingTags.of(resolved),
                                        layers.own() == null);
                            });
                }));
    }

    /** Removes the user's own value (the tenant's default, if any, applies again); 404 when the user has none. */
    public Uni<Void> delete(UUID tenant, String user, String category, String key, String ifMatch) {
        SettingNames.requireKey("key", key);
        return db.tx(tx -> categories.require(tx, tenant, category, false)
                .call(() -> SettingSql.lockOwn(tx, tenant, user, category))
                .chain(() -> SettingSql.one(tx, tenant, user, category, key))
                .chain(layers -> {
                    if (layers.own() == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "You have no own setting " + category + "/" + key
                                + (layers.tenant() == null ? "" : "; the tenant's default applies"));
                    }
                    requireMatch(ifMatch, Resolved.of(layers.own(), Source.USER), category + "/" + key);
                    return SettingSql.deleteOwn(tx, tenant, user, category, List.of(key)).replaceWithVoid();
                }));
    }

    /**
     * Applies a JSON Merge Patch to the category's effective values ({@link EffectiveSettings#patch}), all
     * of it or none: every value it produces is checked as a {@link #put} would check it.
     */
    public Uni<Tagged<CategorySettings>> patch(UUID tenant, String user, String category, String ifMatch, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "A merge patch of a settings category is a JSON object of setting keys; null removes a key");
        }
        for (Iterator<String> keys = patch.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            SettingNames.requireKey(key, key);
        }
        return db.tx(tx -> categories.require(tx, tenant, category, true)
                .call(() -> SettingSql.lockOwn(tx, tenant, user, category))
                .chain(found -> SettingSql.many(tx, tenant, user, category)
                        .chain(layers -> apply(tx, tenant, user, found, ifMatch, patch, layers))));
    }

    private Uni<Tagged<CategorySettings>> apply(SqlConnection tx, UUID tenant, String user, CategoryView category,
            String ifMatch, JsonNode patch, SettingSql.Categories layers) {
        String name = category.name();
        Map<String, Stored> own = layers.own(name);
        Map<String, Stored> defaults = layers.tenant(name);
        Preconditions.check(ifMatch, SettingTags.of(EffectiveSettings.category(own, defaults, null)), "settings category");
        EffectiveSettings.Changes changes = EffectiveSettings.patch(patch, own, defaults);
        Map<String, String> texts = new LinkedHashMap<>();
        changes.upserts().forEach((key, value) -> {
            String text = SettingValues.require(key, value, limits.maxValueSize().asLongValue());
            category.requireValid(key, text);
            texts.put(key, text);
        });
        requireRoom(changes.ownKeysAfter(own.keySet()), own.size(), name);
        return SettingSql.deleteOwn(tx, tenant, user, name, changes.removals())
                .chain(() -> SettingSql.upsertOwn(tx, tenant, user, name, texts))
                .map(written -> {
                    Map<String, Stored> after = new HashMap<>(own);
                    changes.removals().forEach(after::remove);
                    after.putAll(written);
                    return tagged(name, EffectiveSettings.category(after, defaults, null));
                });
    }

    private static Tagged<CategorySettings> tagged(String category, SortedMap<String, Resolved> resolved) {
        return Tagged.of(CategorySettings.of(category, resolved), SettingTags.of(resolved));
    }

    /** {@link Preconditions#check}, and a 412 for an {@code If-Match} when nothing applies to the key. */
    private static void requireMatch(String ifMatch, Resolved current, String setting) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (current == null) {
            throw new PreconditionFailed("There is no setting " + setting + " for If-Match " + ifMatch.strip() + " to name");
        }
        Preconditions.check(ifMatch, SettingTags.of(current), "setting " + setting);
    }

    /** A 409 when a write leaves more keys in the category than the limit, unless it leaves no more than before. */
    private void requireRoom(long keysAfter, long keysBefore, String category) {
        if (keysAfter > limits.maxKeysPerCategory() && keysAfter > keysBefore) {
            throw new Conflict("A category holds at most " + limits.maxKeysPerCategory() + " settings of one user; "
                    + category + " would hold " + keysAfter + ". Remove some first");
        }
    }
}
