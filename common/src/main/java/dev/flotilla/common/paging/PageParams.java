package dev.flotilla.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code ?limit=&cursor=} query parameters of every list endpoint, taken with
 * {@code @BeanParam @Valid PageParams page}. The cursor is opaque to clients: the
 * {@code nextCursor} of the previous page, handed back unchanged.
 */
public class PageParams {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    @QueryParam("limit")
    @DefaultValue("" + DEFAULT_LIMIT)
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_LIMIT, message = "must be at most " + MAX_LIMIT)
    int limit = DEFAULT_LIMIT;

    @QueryParam("cursor")
    String cursor;

    public PageParams() {
    }

    public PageParams(int limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor;
    }

    public int limit() {
        return limit;
    }

    /** The position after which this page starts, or {@code null} for the first page. */
    public Cursor after() {
        return cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor);
    }
}
