package dev.flotilla.search.collection;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.search.analysis.Language;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How a collection's settings take the members of a draft. */
class CollectionSettingsTest {

    private static final CollectionSettings DEFAULTS = CollectionSettings.DEFAULTS;

    @Test
    void theDefaultsAreEnglishTitlesTwiceAndPassagesOf1000Characters() {
        assertEquals(new CollectionSettings(Language.ENGLISH, new FieldWeights(2.0, 1.0), 1000, 150), DEFAULTS);
    }

    @Test
    void noDraftChangesNothing() {
        assertSame(DEFAULTS, DEFAULTS.with(null));
    }

    @Test
    void aDraftReplacesOnlyTheMembersItSets() {
        CollectionSettings changed = DEFAULTS.with(new SettingsDraft("german", null, 500, null));
        assertEquals(new CollectionSettings(Language.GERMAN, DEFAULTS.fieldWeights(), 500, 150), changed);
    }

    @Test
    void anUnknownLanguageIsRefusedNamingTheSetting() {
        BadRequest refused = assertThrows(BadRequest.class,
                () -> DEFAULTS.with(new SettingsDraft("klingon", null, null, null)));
        assertEquals("settings.language", refused.errors().get(0).field());
    }

    @Test
    void theOverlapIsAtMostHalfTheChunkSize() {
        assertEquals(250, DEFAULTS.with(new SettingsDraft(null, null, 500, 250)).chunkOverlap());
        BadRequest refused = assertThrows(BadRequest.class, () -> DEFAULTS.with(new SettingsDraft(null, null, 500, 251)));
        assertEquals("settings.chunkOverlap", refused.errors().get(0).field());
    }

    @Test
    void theOverlapIsCheckedAgainstTheNewChunkSize() {
        assertThrows(BadRequest.class, () -> DEFAULTS.with(new SettingsDraft(null, null, 200, null)));
    }
}
