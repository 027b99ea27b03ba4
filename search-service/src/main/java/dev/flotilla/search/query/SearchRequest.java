package dev.flotilla.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code POST .../search}.
 *
 * @param q the query (see {@link QueryParser}); empty or absent lists every document that passes the filters
 * @param filter metadata conditions (see {@link dev.flotilla.search.document.MetadataFilter})
 * @param tags documents must carry all of these tags
 * @param limit hits per page, 1-100 (default 10)
 * @param cursor the {@code nextCursor} of the previous page
 * @param highlight mark matched words in snippets with {@code <mark>} (default true)
 * @param facets fields to count values of among all matches: {@code tags} or metadata fields
 * @param mode {@code documents} (default) or {@code passages}
 * @param operator {@code or} (default: documents matching more words rank higher) or {@code and} (every word required)
 */
public record SearchRequest(
        String q,
        JsonNode filter,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> tags,
        @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") Integer limit,
        @Size(max = 1024) String cursor,
        Boolean highlight,
        @Size(max = 10) List<@NotBlank @Size(max = 200) String> facets,
        @Pattern(regexp = "documents|passages", message = "must be documents or passages") String mode,
        @Pattern(regexp = "or|and", message = "must be or or and") String operator) {

    public int limitOrDefault() {
        return limit == null ? 10 : limit;
    }

    public boolean passages() {
        return "passages".equals(mode);
    }

    public boolean highlightOrDefault() {
        return highlight == null || highlight;
    }
}
