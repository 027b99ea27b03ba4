package dev.flotilla.config.settings;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The statements over {@code user_settings} (a user's own values) and {@code setting_defaults} (the
 * tenant's), each scoped to a tenant, and a user's to that user.
 */
final class SettingSql {

    /** Writes of one user's category (or of the tenant's defaults in one) wait for each other, so a check of If-Match holds. */
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended($1, 0))";

    private static final String ONE = """
            select true as own, value::text as value, updated_at from config.user_settings
             where tenant_id = $1 and user_id = $2 and category = $3 and key = $4
            union all
            select false, value::text, updated_at from config.setting_defaults
             where tenant_id = $1 and category = $3 and key = $4""";

    /** $3: one category, or null for all. */
    private static final String MANY = """
            select true as own, category, key, value::text as value, updated_at from config.user_settings
             where tenant_id = $1 and user_id = $2 and ($3::text is null or category = $3)
            union all
            select false, category, key, value::text, updated_at from config.setting_defaults
             where tenant_id = $1 and ($3::text is null or category = $3)""";

    private static final String COUNT_OWN = """
            select count(*) as n from config.user_settings where tenant_id = $1 and user_id = $2 and category = $3""";

    private static final String UPSERT_OWN = """
            insert into config.user_settings (tenant_id, user_id, category, key, value, updated_at)
            select $1, $2, $3, c.key, c.value::jsonb, now() from unnest($4::text[], $5::text[]) as c(key, value)
            on conflict (tenant_id, user_id, category, key)
            do update set value = excluded.value, updated_at = excluded.updated_at
            returning key, value::text as value, updated_at""";

    private static final String DELETE_OWN = """
            delete from config.user_settings where tenant_id = $1 and user_id = $2 and category = $3 and key = any($4::text[])""";

    private static final String DEFAULT = """
            select value::text as value, updated_by, updated_at from config.setting_defaults
             where tenant_id = $1 and category = $2 and key = $3""";

    private static final String COUNT_DEFAULTS = """
            select count(*) as n from config.setting_defaults where tenant_id = $1 and category = $2""";

    private static final String UPSERT_DEFAULT = """
            insert into config.setting_defaults (tenant_id, category, key, value, updated_by, updated_at)
            values ($1, $2, $3, $4::text::jsonb, $5, now())
            on conflict (tenant_id, category, key)
            do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            returning value::text as value, updated_by, updated_at""";

    private static final String DELETE_DEFAULT = """
            delete from config.setting_defaults where tenant_id = $1 and category = $2 and key = $3""";

    /** A user's own value of one key and the tenant's default of it, either null when absent. */
    record Layers(Stored own, Stored tenant) {
    }

    /** Category → key → value, of the user's own values and of the tenant's defaults. */
    record Categories(Map<String, Map<String, Stored>> own, Map<String, Map<String, Stored>> tenant) {

        Map<String, Stored> own(String category) {
            return own.getOrDefault(category, Map.of());
        }

        Map<String, Stored> tenant(String category) {
            return tenant.getOrDefault(category, Map.of());
        }
    }

    private SettingSql() {
    }

    /** Until the caller's transaction ends, no other write of the user's settings in the category. */
    static Uni<Void> lockOwn(SqlClient client, UUID tenant, String user, String category) {
        return lock(client, "config.user_settings " + tenant + " " + category + " " + user);
    }

    /** Until the caller's transaction ends, no other write of the tenant's defaults in the category. */
    static Uni<Void> lockDefaults(SqlClient client, UUID tenant, String category) {
        return lock(client, "config.setting_defaults " + tenant + " " + category);
    }

    private static Uni<Void> lock(SqlClient client, String name) {
        return client.preparedQuery(LOCK).execute(Tuple.of(name)).replaceWithVoid();
    }

    static Uni<Layers> one(SqlClient client, UUID tenant, String user, String category, String key) {
        return client.preparedQuery(ONE).execute(Tuple.of(tenant, user, category, key)).map(rows -> {
            Stored own = null;
            Stored defaults = null;
            for (Row row : rows) {
                if (row.getBoolean("own")) {
                    own = stored(row);
                } else {
                    defaults = stored(row);
                }
            }
            return new Layers(own, defaults);
        });
    }

    /** The user's own values and the tenant's defaults in {@code category}, or in every category when it is null. */
    static Uni<Categories> many(SqlClient client, UUID tenant, String user, String category) {
        return client.preparedQuery(MANY).execute(Tuple.of(tenant, user, category)).map(rows -> {
            Map<String, Map<String, Stored>> own = new HashMap<>();
            Map<String, Map<String, Stored>> defaults = new HashMap<>();
            for (Row row : rows) {
                (row.getBoolean("own") ? own : defaults).computeIfAbsent(row.getString("category"), c -> new HashMap<>())
                        .put(row.getString("key"), stored(row));
            }
            return new Categories(own, defaults);
        });
    }

    static Uni<Long> countOwn(SqlClient client, UUID tenant, String user, String category) {
        return client.preparedQuery(COUNT_OWN).execute(Tuple.of(tenant, user, category))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Writes the user's own values (key → JSON text); what was stored, by key. */
    static Uni<Map<String, Stored>> upsertOwn(SqlClient client, UUID tenant, String user, String category,
            Map<String, String> values) {
        if (values.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] keys = values.keySet().toArray(String[]::new);
        String[] texts = Arrays.stream(keys).map(values::get).toArray(String[]::new);
        return client.preparedQuery(UPSERT_OWN).execute(Tuple.of(tenant, user, category, keys, texts)).map(rows -> {
            Map<String, Stored> written = new HashMap<>();
            rows.forEach(row -> written.put(row.getString("key"), stored(row)));
            return written;
        });
    }

    /** Removes the user's own values of {@code keys}; how many there were. */
    static Uni<Integer> deleteOwn(SqlClient client, UUID tenant, String user, String category, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return client.preparedQuery(DELETE_OWN)
                .execute(Tuple.of(tenant, user, category, keys.toArray(String[]::new)))
                .map(rows -> rows.rowCount());
    }

    /** The tenant's default of the key, or null. */
    static Uni<DefaultView> findDefault(SqlClient client, UUID tenant, String category, String key) {
        return client.preparedQuery(DEFAULT).execute(Tuple.of(tenant, category, key))
                .map(rows -> rows.size() == 0 ? null : defaultView(category, key, rows.iterator().next()));
    }

    static Uni<Long> countDefaults(SqlClient client, UUID tenant, String category) {
        return client.preparedQuery(COUNT_DEFAULTS).execute(Tuple.of(tenant, category))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    static Uni<DefaultView> upsertDefault(SqlClient client, UUID tenant, String category, String key, String value,
            String updatedBy) {
        return client.preparedQuery(UPSERT_DEFAULT).execute(Tuple.of(tenant, category, key, value, updatedBy))
                .map(rows -> defaultView(category, key, rows.iterator().next()));
    }

    /** Whether there was such a default to delete. */
    static Uni<Boolean> deleteDefault(SqlClient client, UUID tenant, String category, String key) {
        return client.preparedQuery(DELETE_DEFAULT).execute(Tuple.of(tenant, category, key)).map(rows -> rows.rowCount() == 1);
    }

    private static Stored stored(Row row) {
        return new Stored(SettingValues.parse(row.getString("value")), Db.instant(row, "updated_at"));
    }

    private static DefaultView defaultView(String category, String key, Row row) {
        return new DefaultView(category, key, SettingValues.parse(row.getString("value")), row.getString("updated_by"),
                Db.instant(row, "updated_at"));
    }
}
