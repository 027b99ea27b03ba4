package dev.flotilla.notification.template;

import dev.flotilla.common.error.BadRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalesTest {

    @Test
    void aRegionalTagFallsBackToItsLanguageThenToEnglish() {
        assertEquals(List.of("fr-FR", "fr", "en"), Locales.chain("fr-FR"));
    }

    @Test
    void everySubtagIsDroppedInTurn() {
        assertEquals(List.of("zh-Hant-TW", "zh-Hant", "zh", "en"), Locales.chain("zh-Hant-TW"));
    }

    @Test
    void anExtensionIsDroppedWithItsSingleton() {
        assertEquals(List.of("de-DE-u-co-phonebk", "de-DE-u-co", "de-DE", "de", "en"), Locales.chain("de-DE-u-co-phonebk"));
    }

    @Test
    void englishEndsTheChainOnce() {
        assertEquals(List.of("en-GB", "en"), Locales.chain("en-GB"));
        assertEquals(List.of("en"), Locales.chain("en"));
    }

    @Test
    void noTagOrAMalformedOneIsTheDefault() {
        assertEquals(List.of("en"), Locales.chain(null));
        assertEquals(List.of("en"), Locales.chain("not a tag"));
    }

    @Test
    void tagsAreStoredInCanonicalCase() {
        assertEquals("fr-FR", Locales.require("locale", "fr-fr"));
        assertEquals("zh-Hant-TW", Locales.require("locale", "ZH-hant-tw"));
    }

    @Test
    void aMalformedTagIsABadRequest() {
        assertThrows(BadRequest.class, () -> Locales.require("locale", "français"));
        assertThrows(BadRequest.class, () -> Locales.require("locale", "x-private"));
        assertThrows(BadRequest.class, () -> Locales.require("locale", ""));
    }
}
