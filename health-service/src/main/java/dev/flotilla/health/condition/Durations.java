package dev.flotilla.health.condition;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Gatus writes them, which is Go's {@code time.ParseDuration}: a sequence of decimal numbers
 * each with a unit ({@code 48h}, {@code 1h30m}, {@code 1.5s}, {@code 300ms}). Like Gatus, there is no day
 * unit: a day is {@code 24h}.
 */
final class Durations {

    private static final String UNIT = "(ns|us|µs|μs|ms|s|m|h)";
    private static final String AMOUNT = "(\\d{1,20}(?:\\.\\d{0,20})?|\\.\\d{1,20})";
    private static final Pattern WHOLE = Pattern.compile("[+-]?(?:" + AMOUNT + UNIT + "){1,8}");
    private static final Pattern PART = Pattern.compile(AMOUNT + UNIT);
    private static final Pattern ANY_UNIT = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?[A-Za-zµμ]+");
    private static final Map<String, BigDecimal> MILLIS_PER_UNIT = Map.of(
            "ns", new BigDecimal("0.000001"),
            "us", new BigDecimal("0.001"),
            "µs", new BigDecimal("0.001"),
            "μs", new BigDecimal("0.001"),
            "ms", BigDecimal.ONE,
            "s", BigDecimal.valueOf(1_000),
            "m", BigDecimal.valueOf(60_000),
            "h", BigDecimal.valueOf(3_600_000));
    private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1_000);
    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000);

    private Durations() {
    }

    /** The duration {@code text} spells, in milliseconds, or null when it spells none. */
    static BigDecimal millis(String text) {
        if (!WHOLE.matcher(text).matches()) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            total = total.add(new BigDecimal(part.group(1)).multiply(MILLIS_PER_UNIT.get(part.group(2))));
        }
        return text.startsWith("-") ? total.negate() : total;
    }

    static BigDecimal millis(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).multiply(MILLIS_PER_SECOND)
                .add(BigDecimal.valueOf(duration.getNano()).divide(NANOS_PER_MILLI));
    }

    /** Whether {@code text} is a number with some unit, so a refusal can say which units there are. */
    static boolean hasSomeUnit(String text) {
        return ANY_UNIT.matcher(text).matches();
    }

    /**
     * A duration the way Gatus shows one: whole seconds, without trailing zero parts ({@code 336h},
     * {@code 1h30m}, {@code 1h0m15s}); under a second in milliseconds.
     */
    static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        if (duration.getSeconds() == 0) {
            long millis = duration.toMillis();
            return millis == 0 ? "0s" : millis + "ms";
        }
        long seconds = duration.getSeconds();
        long hours = seconds / 3_600;
        long minutes = seconds % 3_600 / 60;
        long rest = seconds % 60;
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0 || hours > 0 && rest > 0) {
            text.append(minutes).append('m');
        }
        if (rest > 0) {
            text.append(rest).append('s');
        }
        return text.toString();
    }
}
