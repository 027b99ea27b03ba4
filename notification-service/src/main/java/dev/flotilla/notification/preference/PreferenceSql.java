package dev.flotilla.notification.preference;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The statements over {@code preferences} and {@code user_settings}, each scoped to a tenant. */
final class PreferenceSql {

    private static final String LIST = """
            select channel, pattern, enabled, updated_at from notification.preferences
             where tenant_id = $1 and user_id = $2
             order by channel, pattern""";

    /** Two replacements of one user's choices at once would interleave their deletes and inserts: one waits. */
    private static final String LOCK_USER = """
            select pg_advisory_xact_lock(hashtextextended('notification.preferences ' || $1::uuid::text || ' ' || $2, 0))""";

    private static final String DELETE_ALL = "delete from notification.preferences where tenant_id = $1 and user_id = $2";

    private static final String INSERT_ALL = """
            insert into notification.preferences (tenant_id, user_id, channel, pattern, enabled, updated_at)
            select $1, $2, c.channel, c.pattern, c.enabled, now()
              from unnest($3::text[], $4::text[], $5::boolean[]) as c(channel, pattern, enabled)""";

    private static final String UPSERT = """
            insert into notification.preferences (tenant_id, user_id, channel, pattern, enabled, updated_at)
            values ($1, $2, $3, $4, $5, now())
            on conflict (tenant_id, user_id, channel, pattern)
            do update set enabled = excluded.enabled, updated_at = excluded.updated_at
            returning channel, pattern, enabled, updated_at""";

    private static final String DELETE_ONE = """
            delete from notification.preferences where tenant_id = $1 and user_id = $2 and channel = $3 and pattern = $4""";

    private static final String SETTINGS = """
            select time_zone, locale, quiet_start, quiet_end, updated_at from notification.user_settings
             where tenant_id = $1 and user_id = $2""";

    private static final String PUT_SETTINGS = """
            insert into notification.user_settings (tenant_id, user_id, time_zone, locale, quiet_start, quiet_end, updated_at)
            values ($1, $2, $3, $4, $5, $6, now())
            on conflict (tenant_id, user_id)
            do update set time_zone = excluded.time_zone, locale = excluded.locale, quiet_start = excluded.quiet_start,
                          quiet_end = excluded.quiet_end, updated_at = excluded.updated_at
            returning time_zone, locale, quiet_start, quiet_end, updated_at""";

    /**
     * For the users $2: their choices on the channels $3 by the patterns $4 (those that select the
     * event's type), and their settings. One round trip whatever the number of recipients.
     */
    private static final String DECIDING = """
            select 'p' as kind, user_id, channel, pattern, enabled, null::text as time_zone, null::text as locale,
                   null::time as quiet_start, null::time as quiet_end
              from notification.preferences
             where tenant_id = $1 and user_id = any($2) and channel = any($3) and pattern = any($4)
            union all
            select 's', user_id, null, null, null, time_zone, locale, quiet_start, quiet_end
              from notification.user_settings
             where tenant_id = $1 and user_id = any($2)""";

    /** What decides for a set of recipients: user → channel → pattern → on/off, and user → settings. */
    record Deciding(Map<String, Map<String, Map<String, Boolean>>> choices, Map<String, StoredSettings> settings) {
    }

    private PreferenceSql() {
    }

    static Uni<List<Preference>> list(SqlClient client, UUID tenant, String user) {
        return client.preparedQuery(LIST).execute(Tuple.of(tenant, user)).map(rows -> {
            List<Preference> preferences = new ArrayList<>(rows.size());
            rows.forEach(row -> preferences.add(preference(row)));
            return preferences;
        });
    }

    /** Replaces every choice of the user with {@code entries} (inside the caller's transaction). */
    static Uni<Void> replace(SqlClient client, UUID tenant, String user, List<PreferenceEntry> entries) {
        String[] channels = entries.stream().map(PreferenceEntry::channel).toArray(String[]::new);
        String[] patterns = entries.stream().map(PreferenceEntry::eventType).toArray(String[]::new);
        Boolean[] enabled = entries.stream().map(PreferenceEntry::enabled).toArray(Boolean[]::new);
        return client.preparedQuery(LOCK_USER).execute(Tuple.of(tenant, user))
                .chain(() -> client.preparedQuery(DELETE_ALL).execute(Tuple.of(tenant, user)))
                .chain(() -> client.preparedQuery(INSERT_ALL).execute(Tuple.of(tenant, user, channels, patterns, enabled)))
                .replaceWithVoid();
    }

    static Uni<Preference> upsert(SqlClient client, UUID tenant, String user, String channel, String pattern, boolean enabled) {
        return client.preparedQuery(UPSERT)
                .execute(Tuple.of(tenant, user, channel, pattern, enabled))
                .map(rows -> preference(rows.iterator().next()));
    }

    /** Whether there was such a choice to delete. */
    static Uni<Boolean> delete(SqlClient client, UUID tenant, String user, String channel, String pattern) {
        return client.preparedQuery(DELETE_ONE)
                .execute(Tuple.of(tenant, user, channel, pattern))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The user's settings, or null when none were stored. */
    static Uni<StoredSettings> settings(SqlClient client, UUID tenant, String user) {
        return client.preparedQuery(SETTINGS).execute(Tuple.of(tenant, user))
                .map(rows -> SqlResults.firstRow(rows, PreferenceSql::settings));
    }

    static Uni<StoredSettings> putSettings(SqlClient client, UUID tenant, String user, String timeZone, String locale,
            LocalTime quietStart, LocalTime quietEnd) {
        return client.preparedQuery(PUT_SETTINGS)
                .execute(Tuple.from(Arrays.asList(tenant, user, timeZone, locale, quietStart, quietEnd)))
                .map(rows -> settings(rows.iterator().next()));
    }

    static Uni<Deciding> deciding(SqlClient client, UUID tenant, String[] users, String[] channels, String[] patterns) {
        return client.preparedQuery(DECIDING)
                .execute(Tuple.of(tenant, users, channels, patterns))
                .map(rows -> {
                    Map<String, Map<String, Map<String, Boolean>>> choices = new HashMap<>();
                    Map<String, StoredSettings> settings = new HashMap<>();
                    for (Row row : rows) {
                        String user = row.getString("user_id");
                        if ("p".equals(row.getString("kind"))) {
                            choices.computeIfAbsent(user, u -> new HashMap<>())
                                    .computeIfAbsent(row.getString("channel"), c -> new HashMap<>())
                                    .put(row.getString("pattern"), row.getBoolean("enabled"));
                        } else {
                            settings.put(user, new StoredSettings(row.getString("time_zone"), row.getString("locale"),
                                    row.getLocalTime("quiet_start"), row.getLocalTime("quiet_end"), null));
                        }
                    }
                    return new Deciding(choices, settings);
                });
    }

    private static Preference preference(Row row) {
        return new Preference(row.getString("channel"), row.getString("pattern"), row.getBoolean("enabled"),
                Db.instant(row, "updated_at"));
    }

    private static StoredSettings settings(Row row) {
        return new StoredSettings(row.getString("time_zone"), row.getString("locale"), row.getLocalTime("quiet_start"),
                row.getLocalTime("quiet_end"), Db.instant(row, "updated_at"));
    }
}
