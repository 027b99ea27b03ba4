package dev.flotilla.notification.preference;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.notification.event.EventTypes;
import dev.flotilla.notification.template.Locales;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A user's preferences (per channel and event type pattern: on or off) and notification settings
 * (time zone, locale, quiet hours). Callers manage their own; admins and services anyone's of
 * their tenant (the resources decide who is asked about).
 */
@ApplicationScoped
public class PreferenceService {

    public static final int MAX_PREFERENCES = 500;
    static final int MAX_USER_LENGTH = 200;
    /** The IANA zones this runtime knows, read once: the fan-out consults it for every recipient with settings. */
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private final Db db;

    public PreferenceService(Db db) {
        this.db = db;
    }

    public Uni<PreferenceList> list(UUID tenant, String user) {
        requireUser(user);
        return PreferenceSql.list(db.pool(), tenant, user).map(preferences -> new PreferenceList(user, preferences));
    }

    /** Replaces every choice of {@code user} with those of {@code request}, at once. */
    public Uni<PreferenceList> replace(UUID tenant, String user, ReplacePreferences request) {
        requireUser(user);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.preferences().size(); i++) {
            PreferenceEntry entry = request.preferences().get(i);
            String at = "preferences[" + i + "]";
            Channels.require(at + ".channel", entry.channel());
            EventTypes.requirePattern(at + ".eventType", entry.eventType());
            if (!seen.add(entry.channel() + " " + entry.eventType())) {
                throw new BadRequest(at, "repeats channel " + entry.channel() + " and eventType " + entry.eventType());
            }
        }
        return db.tx(connection -> PreferenceSql.replace(connection, tenant, user, request.preferences())
                .chain(() -> PreferenceSql.list(connection, tenant, user)))
                .map(preferences -> new PreferenceList(user, preferences));
    }

    /** Turns {@code channel} on or off for the types {@code pattern} selects (the one-click unsubscribe too). */
    public Uni<Preference> set(UUID tenant, String user, String channel, String pattern, boolean enabled) {
        requireUser(user);
        Channels.require("channel", channel);
        EventTypes.requirePattern("eventType", pattern);
        return db.statement(pool -> PreferenceSql.upsert(pool, tenant, user, channel, pattern, enabled));
    }

    /** Forgets one choice, so that a less specific one (or the default, on) decides again. */
    public Uni<Void> remove(UUID tenant, String user, String channel, String pattern) {
        requireUser(user);
        Channels.require("channel", channel);
        EventTypes.requirePattern("eventType", pattern);
        return db.statement(pool -> PreferenceSql.delete(pool, tenant, user, channel, pattern)).map(deleted -> {
            if (!deleted) {
                throw new NotFound("preference", channel + "/" + pattern);
            }
            return null;
        });
    }

    public Uni<SettingsView> settings(UUID tenant, String user) {
        requireUser(user);
        return PreferenceSql.settings(db.pool(), tenant, user).map(stored -> view(user, stored));
    }

    public Uni<SettingsView> putSettings(UUID tenant, String user, PutSettings request) {
        requireUser(user);
        String zone = request.timeZone() == null ? null : requireZone(request.timeZone());
        String locale = request.locale() == null ? null : Locales.require("locale", request.locale());
        QuietWindow quiet = request.quietHours();
        LocalTime start = quiet == null ? null : LocalTime.parse(quiet.start());
        LocalTime end = quiet == null ? null : LocalTime.parse(quiet.end());
        if (quiet != null && zone == null) {
            throw new BadRequest("timeZone", "is needed with quiet hours, which are read in it");
        }
        if (quiet != null && start.equals(end)) {
            throw new BadRequest("quietHours.end", "must differ from the start");
        }
        return db.statement(pool -> PreferenceSql.putSettings(pool, tenant, user, zone, locale, start, end))
                .map(stored -> view(user, stored));
    }

    /** The settings as the rules read them; quiet hours in a zone this runtime does not know are none. */
    static UserSettings settingsOf(StoredSettings stored) {
        if (stored == null) {
            return UserSettings.NONE;
        }
        QuietHours quiet = null;
        if (stored.quietStart() != null && stored.timeZone() != null
                && ZONES.contains(stored.timeZone())) {
            quiet = new QuietHours(ZoneId.of(stored.timeZone()), stored.quietStart(), stored.quietEnd());
        }
        return new UserSettings(stored.timeZone(), stored.locale(), quiet);
    }

    private static SettingsView view(String user, StoredSettings stored) {
        if (stored == null) {
            return new SettingsView(user, null, null, null, null);
        }
        QuietWindow quiet = stored.quietStart() == null ? null
                : new QuietWindow(stored.quietStart().toString(), stored.quietEnd().toString());
        return new SettingsView(user, stored.timeZone(), stored.locale(), quiet, stored.updatedAt());
    }

    static void requireUser(String user) {
        if (user == null || user.isBlank() || user.length() > MAX_USER_LENGTH) {
            throw new BadRequest("userId", "must be a user id of 1 to " + MAX_USER_LENGTH + " characters");
        }
    }

    private static String requireZone(String zone) {
        if (!ZONES.contains(zone)) {
            throw new BadRequest("timeZone", "must be an IANA time zone such as Europe/Paris");
        }
        return zone;
    }
}
