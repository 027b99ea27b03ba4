package dev.flotilla.config.revision;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flotilla.config.entry.EntryContent;
import dev.flotilla.config.entry.EntryJson;
import dev.flotilla.config.entry.EntryType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DiffTest {

    private static final Diff.Slot PORT = new Diff.Slot("port", "");
    private static final Diff.Slot PORT_PROD = new Diff.Slot("port", "prod");
    private static final Diff.Slot HOST = new Diff.Slot("host", "");

    private static EntryContent number(int value) {
        return new EntryContent(EntryType.NUMBER, IntNode.valueOf(value), false, null, null);
    }

    @Test
    void aChangedValueIsListedWithItsOldAndNewContent() {
        List<Diff.Difference> diff = Diff.between(Map.of(PORT, number(80)), Map.of(PORT, number(8080)));
        assertEquals(List.of(new Diff.Difference(PORT, number(80), number(8080))), diff);
    }

    @Test
    void anAddedEntryHasNoOldContentAndARemovedOneNoNewContent() {
        List<Diff.Difference> diff = Diff.between(Map.of(PORT, number(80)), Map.of(HOST, number(1)));
        assertEquals(2, diff.size());
        assertEquals(HOST, diff.get(0).slot());
        assertNull(diff.get(0).old());
        assertEquals(PORT, diff.get(1).slot());
        assertNull(diff.get(1).current());
    }

    @Test
    void entriesThatEndAsTheyBeganAreNotListed() {
        assertEquals(List.of(), Diff.between(Map.of(PORT, number(80)), Map.of(PORT, number(80))));
    }

    @Test
    void layersOfOneKeyAreDifferentEntriesListedByKeyThenLayer() {
        List<Diff.Difference> diff = Diff.between(Map.of(), Map.of(PORT_PROD, number(2), PORT, number(1), HOST, number(3)));
        assertEquals(List.of(HOST, PORT, PORT_PROD), diff.stream().map(Diff.Difference::slot).toList());
    }

    @Test
    void aChangeOfTypeDescriptionOrSecrecyIsADifferenceEvenWithTheSameValue() {
        EntryContent text = new EntryContent(EntryType.STRING, TextNode.valueOf("80"), false, null, null);
        EntryContent described = new EntryContent(EntryType.STRING, TextNode.valueOf("80"), false, null, "the port");
        EntryContent secret = new EntryContent(EntryType.STRING, TextNode.valueOf("80"), true, null, null);
        assertEquals(1, Diff.between(Map.of(PORT, text), Map.of(PORT, described)).size());
        assertEquals(1, Diff.between(Map.of(PORT, text), Map.of(PORT, secret)).size());
    }

    @Test
    void objectsAreComparedAsJsonWhateverTheOrderOfTheirMembers() {
        EntryContent one = new EntryContent(EntryType.JSON, EntryJson.read("{\"a\":1,\"b\":2}"), false, null, null);
        EntryContent other = new EntryContent(EntryType.JSON, EntryJson.read("{\"b\":2,\"a\":1}"), false, null, null);
        assertEquals(List.of(), Diff.between(Map.of(PORT, one), Map.of(PORT, other)));
    }
}
