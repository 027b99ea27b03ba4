package dev.flotilla.testing;

import java.util.regex.Pattern;

/**
 * Checks a body against the Prometheus text exposition format (version 0.0.4): every line is a
 * {@code # HELP}/{@code # TYPE} comment or a sample {@code name{labels} value [timestamp]}.
 */
public final class PrometheusText {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern COMMENT = Pattern.compile(
            "# (HELP " + NAME + " .*|TYPE " + NAME + " (counter|gauge|histogram|summary|untyped)|.*)");
    private static final Pattern SAMPLE = Pattern.compile(
            NAME + "(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})? "
                    + "([-+]?([0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?|NaN|Inf))( -?[0-9]+)?");

    private PrometheusText() {
    }

    /** The first line that is not valid exposition text, or {@code null} when all are. */
    public static String firstInvalidLine(String body) {
        for (String line : body.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (!(line.startsWith("#") ? COMMENT.matcher(line).matches() : SAMPLE.matcher(line).matches())) {
                return line;
            }
        }
        return null;
    }

    /** The number of samples in the body. */
    public static long samples(String body) {
        return body.lines().filter(line -> !line.isEmpty() && !line.startsWith("#")).count();
    }
}
