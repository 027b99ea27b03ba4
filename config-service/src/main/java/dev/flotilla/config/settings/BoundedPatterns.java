package dev.flotilla.config.settings;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The regular expressions of tenants' schemas ({@code pattern}, {@code patternProperties}), matched
 * with a budget of characters read per validation. A pattern whose nested quantifiers backtrack
 * without end on a value that almost matches would otherwise hold a thread of the shared service
 * for as long as it likes; with the budget spent, the validation stops and the value is refused.
 */
final class BoundedPatterns implements RegularExpressionFactory {

    static final BoundedPatterns INSTANCE = new BoundedPatterns();

    private static final long BUDGET = 2_000_000;
    private static final ThreadLocal<long[]> REMAINING = new ThreadLocal<>();

    private BoundedPatterns() {
    }

    /** Runs {@code validation} (on this thread, as schema validation does) with a fresh budget. */
    static <T> T within(Supplier<T> validation) {
        REMAINING.set(new long[] { BUDGET });
        try {
            return validation.get();
        } finally {
            REMAINING.remove();
        }
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(regex);
        // Unanchored, as JSON Schema's patterns are.
        return value -> pattern.matcher(new Budgeted(value, REMAINING.get())).find();
    }

    /** Thrown when a validation has read as many characters as it may. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("a pattern of the schema took too many steps", null, false, false);
        }
    }

    /** The text a pattern reads, counting every character read against the budget. */
    private record Budgeted(String text, long[] remaining) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (remaining != null && --remaining[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), remaining);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
