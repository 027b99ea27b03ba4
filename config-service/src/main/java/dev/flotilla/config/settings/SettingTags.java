package dev.flotilla.config.settings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code ETag}s of settings: a digest of what the reader sees (values and sources, not times), so a
 * tag changes exactly when the answer does, whichever layer changed. Values come from the database,
 * whose {@code jsonb} gives one text for equal values.
 */
final class SettingTags {

    private static final int BYTES = 16;

    private SettingTags() {
    }

    static String of(Resolved setting) {
        return digest(setting.source().label() + '\n' + SettingValues.text(setting.value()));
    }

    static String of(SortedMap<String, Resolved> category) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Resolved> entry : category.entrySet()) {
            text.append(entry.getKey()).append('\n').append(entry.getValue().source().label()).append('\n')
                    .append(SettingValues.text(entry.getValue().value())).append('\n');
        }
        return digest(text.toString());
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, BYTES)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
