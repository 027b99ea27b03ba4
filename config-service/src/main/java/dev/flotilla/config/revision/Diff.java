package dev.flotilla.config.revision;

import dev.flotilla.config.entry.EntryContent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What differs between two states of a namespace, entry by entry. */
public final class Diff {

    /** An entry's place: its key and layer (empty: the namespace default). */
    public record Slot(String key, String env) {
        static final Comparator<Slot> ORDER = Comparator.comparing(Slot::key).thenComparing(Slot::env);
    }

    /** One entry that differs: its content in the first state and in the second (null: absent). */
    public record Difference(Slot slot, EntryContent old, EntryContent current) {
    }

    private Diff() {
    }

    /**
     * The entries whose content differs from {@code from} to {@code to}, by key and layer; an entry absent from a map
     * is absent from that state. Values are compared as JSON (member order aside), secrets by their plain value.
     */
    public static List<Difference> between(Map<Slot, EntryContent> from, Map<Slot, EntryContent> to) {
        TreeSet<Slot> slots = new TreeSet<>(Slot.ORDER);
        slots.addAll(from.keySet());
        slots.addAll(to.keySet());
        List<Difference> differences = new ArrayList<>();
        for (Slot slot : slots) {
            EntryContent old = from.get(slot);
            EntryContent current = to.get(slot);
            if (!Objects.equals(old, current)) {
                differences.add(new Difference(slot, old, current));
            }
        }
        return differences;
    }
}
