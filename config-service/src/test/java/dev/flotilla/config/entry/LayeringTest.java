package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LayeringTest {

    private static EntryRow row(String key, String env, String value) {
        return new EntryRow(key, env, new StoredState(EntryType.STRING, TextNode.valueOf(value), null, null, null), 1,
                Instant.EPOCH, "someone", Instant.EPOCH);
    }

    @Test
    void anEnvironmentsOwnEntryWinsOverTheDefaultWhicheverComesFirst() {
        SortedMap<String, EntryRow> first = Layering.resolve(List.of(row("url", "", "default"), row("url", "prod", "prod")));
        SortedMap<String, EntryRow> second = Layering.resolve(List.of(row("url", "prod", "prod"), row("url", "", "default")));
        assertEquals("prod", first.get("url").env());
        assertEquals("prod", second.get("url").env());
    }

    @Test
    void aKeyTheEnvironmentLacksFallsBackToTheDefault() {
        SortedMap<String, EntryRow> resolved = Layering.resolve(List.of(row("url", "", "default"), row("port", "prod", "1")));
        assertEquals("", resolved.get("url").env());
        assertEquals("prod", resolved.get("port").env());
    }

    @Test
    void keysComeInOrder() {
        SortedMap<String, EntryRow> resolved = Layering
                .resolve(List.of(row("b", "", "1"), row("a", "prod", "2"), row("c", "", "3")));
        assertEquals(List.of("a", "b", "c"), List.copyOf(resolved.keySet()));
    }
}
