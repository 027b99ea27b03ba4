package dev.flotilla.config.settings;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EffectiveSettingsTest {

    private static final Instant THEN = Instant.parse("2026-01-01T00:00:00Z");

    private static Stored stored(String json) {
        return new Stored(SettingValues.parse(json), THEN);
    }

    @Test
    void theUsersOwnValueOverridesTheTenantsDefault() {
        Resolved resolved = EffectiveSettings.one(stored("16"), stored("12"), null);
        assertEquals(SettingValues.parse("16"), resolved.value());
        assertEquals(Source.USER, resolved.source());
    }

    @Test
    void theTenantsDefaultAppliesWithoutAnOwnValue() {
        Resolved resolved = EffectiveSettings.one(null, stored("12"), null);
        assertEquals(SettingValues.parse("12"), resolved.value());
        assertEquals(Source.TENANT, resolved.source());
        assertNull(EffectiveSettings.one(null, null, null));
    }

    @Test
    void aSourceFilterShowsThatSourceAlone() {
        assertNull(EffectiveSettings.one(null, stored("12"), Source.USER));
        assertEquals(Source.TENANT, EffectiveSettings.one(stored("16"), stored("12"), Source.TENANT).source());
        assertNull(EffectiveSettings.one(stored("16"), null, Source.TENANT));
    }

    @Test
    void aCategoryHoldsTheKeysOfBothSourcesInKeyOrder() {
        SortedMap<String, Resolved> category = EffectiveSettings.category(
                Map.of("tabSize", stored("2"), "fontSize", stored("16")),
                Map.of("fontSize", stored("12"), "wordWrap", stored("true")), null);
        assertEquals(List.of("fontSize", "tabSize", "wordWrap"), List.copyOf(category.keySet()));
        assertEquals(List.of(Source.USER, Source.USER, Source.TENANT),
                category.values().stream().map(Resolved::source).toList());
    }

    @Test
    void aNullMemberRemovesTheOwnValueAndNothingElse() {
        EffectiveSettings.Changes changes = EffectiveSettings.patch(SettingValues.parse("{\"fontSize\":null}"),
                Map.of("fontSize", stored("16"), "tabSize", stored("2")), Map.of("fontSize", stored("12")));
        assertEquals(Set.of("fontSize"), changes.removals());
        assertEquals(Map.of(), changes.upserts());
        assertEquals(1, changes.ownKeysAfter(Set.of("fontSize", "tabSize")));
    }

    @Test
    void aMemberMergesIntoTheOwnValueWhenThereIsOne() {
        EffectiveSettings.Changes changes = EffectiveSettings.patch(SettingValues.parse("{\"font\":{\"size\":14}}"),
                Map.of("font", stored("{\"family\":\"Iosevka\",\"size\":12}")),
                Map.of("font", stored("{\"family\":\"Fira Code\",\"size\":10,\"ligatures\":true}")));
        assertEquals(SettingValues.parse("{\"family\":\"Iosevka\",\"size\":14}"), changes.upserts().get("font"));
    }

    @Test
    void aMemberMergesIntoTheTenantsDefaultWhenTheUserHasNoOwnValue() {
        EffectiveSettings.Changes changes = EffectiveSettings.patch(
                SettingValues.parse("{\"font\":{\"size\":14,\"ligatures\":null}}"), Map.of(),
                Map.of("font", stored("{\"family\":\"Fira Code\",\"size\":10,\"ligatures\":true}")));
        assertEquals(SettingValues.parse("{\"family\":\"Fira Code\",\"size\":14}"), changes.upserts().get("font"));
        assertEquals(1, changes.ownKeysAfter(Set.of()));
    }

    @Test
    void keysThePatchDoesNotNameAreNotTouched() {
        EffectiveSettings.Changes changes = EffectiveSettings.patch(SettingValues.parse("{\"tabSize\":4}"),
                Map.of("fontSize", stored("16")), Map.of("wordWrap", stored("true")));
        assertEquals(Set.of("tabSize"), changes.upserts().keySet());
        assertEquals(Set.of(), changes.removals());
        assertEquals(2, changes.ownKeysAfter(Set.of("fontSize")));
    }

    @Test
    void aTagChangesWithTheSourceEvenForTheSameValue() {
        Resolved own = EffectiveSettings.one(stored("12"), null, null);
        Resolved tenant = EffectiveSettings.one(null, stored("12"), null);
        assertNotEquals(SettingTags.of(own), SettingTags.of(tenant));
        assertEquals(SettingTags.of(own), SettingTags.of(EffectiveSettings.one(stored("12"), stored("99"), null)));
    }
}
