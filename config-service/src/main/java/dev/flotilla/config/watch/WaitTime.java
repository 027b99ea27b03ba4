package dev.flotilla.config.watch;

import dev.flotilla.common.error.BadRequest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code wait} of a blocking query, in Consul's (Go's) duration form: a sequence of decimal numbers, each with a
 * unit ({@code 60s}, {@code 5m}, {@code 500ms}, {@code 1m30s}, {@code 1.5h}); units {@code h}, {@code m}, {@code s},
 * {@code ms}, {@code us} (or {@code µs}) and {@code ns}. {@code 0} needs none.
 */
public final class WaitTime {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    /** Longer than any wait is held; a longer one is held for the longest anyway, so it need not be exact. */
    private static final BigDecimal LONGEST = BigDecimal.valueOf(Duration.ofDays(365).toNanos());

    private WaitTime() {
    }

    /** The duration {@code text} names, or a 400 naming {@code field}. */
    public static Duration parse(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw invalid(field);
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher part = PART.matcher(text);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < text.length()) {
            if (!part.find(at) || part.start() != at) {
                throw invalid(field);
            }
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS.get(part.group(2)))));
            at = part.end();
        }
        return Duration.ofNanos(nanos.min(LONGEST).longValue());
    }

    private static BadRequest invalid(String field) {
        return new BadRequest(field, "must be a duration such as 60s, 5m or 500ms");
    }
}
