package dev.flotilla.policy.evaluation;

import java.util.regex.Pattern;

/**
 * A compiled glob over action or resource names: {@code *} matches any run of characters
 * (including none), {@code ?} exactly one. The common shapes (everything, a literal, a prefix)
 * avoid regular expressions so that matching stays in the nanoseconds.
 */
public abstract sealed class Glob {

    public abstract boolean matches(String value);

    public static Glob of(String glob) {
        if (glob.equals("*")) {
            return Any.INSTANCE;
        }
        int star = glob.indexOf('*');
        boolean hasQuestion = glob.indexOf('?') >= 0;
        if (star < 0 && !hasQuestion) {
            return new Literal(glob);
        }
        if (!hasQuestion && star == glob.length() - 1) {
            return new Prefix(glob.substring(0, star));
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new Regex(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    static final class Any extends Glob {
        static final Any INSTANCE = new Any();

        @Override
        public boolean matches(String value) {
            return true;
        }
    }

    static final class Literal extends Glob {
        private final String literal;

        Literal(String literal) {
            this.literal = literal;
        }

        @Override
        public boolean matches(String value) {
            return literal.equals(value);
        }
    }

    static final class Prefix extends Glob {
        private final String prefix;

        Prefix(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public boolean matches(String value) {
            return value.startsWith(prefix);
        }
    }

    static final class Regex extends Glob {
        private final Pattern pattern;

        Regex(Pattern pattern) {
            this.pattern = pattern;
        }

        @Override
        public boolean matches(String value) {
            return pattern.matcher(value).matches();
        }
    }
}
