package dev.flotilla.config.flag;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** What differs between two definitions of a flag, member by member. */
public final class FlagDiff {

    private FlagDiff() {
    }

    /**
     * The top-level members ({@code enabled}, {@code rules}, {@code variants}, ...) whose values differ, by name; every
     * member of the one that exists when the other does not (null).
     */
    public static List<String> changedMembers(JsonNode from, JsonNode to) {
        TreeSet<String> names = new TreeSet<>();
        if (from != null) {
            from.fieldNames().forEachRemaining(names::add);
        }
        if (to != null) {
            to.fieldNames().forEachRemaining(names::add);
        }
        return names.stream()
                .filter(name -> from == null || to == null || !Objects.equals(from.get(name), to.get(name)))
                .toList();
    }
}
