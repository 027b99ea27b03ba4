package dev.flotilla.config.flag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FlagDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void onlyTheMembersThatDifferAreNamedInOrder() throws Exception {
        assertEquals(List.of("enabled", "rules"), FlagDiff.changedMembers(
                json("{\"type\":\"boolean\",\"enabled\":true,\"rules\":[{\"variant\":\"on\"}]}"),
                json("{\"rules\":[],\"type\":\"boolean\",\"enabled\":false}")));
    }

    @Test
    void aMemberOnlyOneSideHasDiffers() throws Exception {
        assertEquals(List.of("description"), FlagDiff.changedMembers(json("{\"type\":\"boolean\"}"),
                json("{\"type\":\"boolean\",\"description\":\"new\"}")));
    }

    @Test
    void againstAnAbsentFlagEveryMemberDiffers() throws Exception {
        assertEquals(List.of("enabled", "type"),
                FlagDiff.changedMembers(null, json("{\"type\":\"boolean\",\"enabled\":true}")));
        assertEquals(List.of(), FlagDiff.changedMembers(null, null));
    }

    @Test
    void equalDefinitionsDifferInNothingWhateverTheirMemberOrder() throws Exception {
        assertEquals(List.of(), FlagDiff.changedMembers(json("{\"a\":{\"x\":1,\"y\":2}}"), json("{\"a\":{\"y\":2,\"x\":1}}")));
    }
}
