package dev.flotilla.search.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The languages a collection may declare, by their codes. */
class LanguageTest {

    @Test
    void aCodeIsTheLowerCaseName() {
        assertEquals("portuguese", Language.PORTUGUESE.code());
    }

    @Test
    void codesAreReadIgnoringCase() {
        assertEquals(Language.FRENCH, Language.of("French"));
    }

    @Test
    void anUnknownCodeIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Language.of("klingon"));
        assertEquals(
                "unknown language 'klingon', expected one of english, french, german, spanish, italian, portuguese, dutch, simple",
                refused.getMessage());
    }

    @Test
    void jsonCarriesTheCode() throws JsonProcessingException {
        ObjectMapper json = new ObjectMapper();
        assertEquals("\"german\"", json.writeValueAsString(Language.GERMAN));
        assertEquals(Language.DUTCH, json.readValue("\"Dutch\"", Language.class));
    }
}
