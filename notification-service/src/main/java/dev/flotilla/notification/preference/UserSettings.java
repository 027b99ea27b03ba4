package dev.flotilla.notification.preference;

/**
 * A user's notification settings: time zone (IANA), locale (BCP 47) and quiet hours, each null
 * when unset. Quiet hours carry the time zone they are read in.
 */
public record UserSettings(String timeZone, String locale, QuietHours quietHours) {

    public static final UserSettings NONE = new UserSettings(null, null, null);
}
