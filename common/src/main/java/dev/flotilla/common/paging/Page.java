package dev.flotilla.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows in keyset order: the extra
     * row, if present, only proves that another page follows and is not returned.
     */
    public static <T> Page<T> fromOverfetch(List<T> rows, int limit, Function<T, Cursor> positionOf) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, positionOf.apply(items.get(limit - 1)).encode());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
