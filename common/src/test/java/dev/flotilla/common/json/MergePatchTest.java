package dev.flotilla.common.json;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSON Merge Patch (RFC 7396) over the maps Jackson reads JSON objects into. */
class MergePatchTest {

    /** A map that keeps null values, as Jackson reads a JSON {@code null} member. */
    private static Map<String, Object> members(Object... namesAndValues) {
        Map<String, Object> members = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return members;
    }

    @Test
    void aMemberOfThePatchReplacesTheTargets() {
        assertEquals(Map.of("a", "c"), MergePatch.apply(Map.of("a", "b"), Map.of("a", "c")));
    }

    @Test
    void aMemberOnlyInThePatchIsAdded() {
        assertEquals(Map.of("a", "b", "b", "c"), MergePatch.apply(Map.of("a", "b"), Map.of("b", "c")));
    }

    @Test
    void aNullMemberRemovesTheTargets() {
        assertEquals(Map.of("b", "c"), MergePatch.apply(Map.of("a", "b", "b", "c"), members("a", null)));
    }

    @Test
    void membersThePatchDoesNotNameAreKept() {
        assertEquals(Map.of("keep", 1, "change", 3), MergePatch.apply(Map.of("keep", 1, "change", 2), Map.of("change", 3)));
    }

    @Test
    void nestedObjectsMergeRecursively() {
        Object target = Map.of("facts", Map.of("home", "Oslo", "age", 3));
        Object patch = Map.of("facts", members("age", null, "ship", "Fram"));
        assertEquals(Map.of("facts", Map.of("home", "Oslo", "ship", "Fram")), MergePatch.apply(target, patch));
    }

    @Test
    void anArrayReplacesTheTargetsArrayWhole() {
        assertEquals(Map.of("a", List.of("c")), MergePatch.apply(Map.of("a", List.of("b", "c")), Map.of("a", List.of("c"))));
    }

    @Test
    void aPatchThatIsNotAnObjectReplacesTheTargetWhole() {
        assertEquals(List.of("c"), MergePatch.apply(Map.of("a", "b"), List.of("c")));
        assertEquals("text", MergePatch.apply(Map.of("a", "b"), "text"));
    }

    @Test
    void anObjectPatchOfAnythingButAnObjectStartsFromAnEmptyObject() {
        assertEquals(Map.of("a", "b"), MergePatch.apply(List.of("c"), Map.of("a", "b")));
    }

    @Test
    void nullMembersOfANewNestedObjectAreLeftOut() {
        assertEquals(Map.of("a", Map.of()), MergePatch.apply(Map.of(), Map.of("a", members("bb", null))));
    }

    @Test
    void theTargetIsLeftUnchanged() {
        Map<String, Object> target = new HashMap<>(Map.of("a", "b"));
        MergePatch.apply(target, members("a", null, "c", "d"));
        assertEquals(Map.of("a", "b"), target);
    }
}
