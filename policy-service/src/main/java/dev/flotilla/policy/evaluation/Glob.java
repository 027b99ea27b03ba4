package dev.flotilla.policy.evaluation;

import java.util.regex.Pattern;

/**
 * A compiled glob over action or resource names: {@code *} matches any run of characters
 * (including none), {@code ?} exactly one. The common shapes (everything, a literal, a prefix)
 * avoid regular expressions: a decision may test the globs of many rules, and comparing strings
 * is far cheaper than running a pattern.
 */
public abstract sealed class Glob {

    private final String pattern;

    private Glob(String pattern) {
        this.pattern = pattern;
    }

    public abstract boolean matches(String value);

    /** The glob as written. */
    public String pattern() {
        return pattern;
    }

    /** Whether {@code text} has no wildcard, so that it matches only itself. */
    public static boolean isLiteral(String text) {
        return text.indexOf('*') < 0 && text.indexOf('?') < 0;
    }

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
            return new Prefix(glob, glob.substring(0, star));
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
        return new Regex(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    static final class Any extends Glob {
        static final Any INSTANCE = new Any();

        private Any() {
            super("*");
        }

        @Override
        public boolean matches(String value) {
            return true;
        }
    }

    static final class Literal extends Glob {
        private final String literal;

        Literal(String literal) {
            super(literal);
            this.literal = literal;
        }

        @Override
        public boolean matches(String value) {
            return literal.equals(value);
        }
    }

    static final class Prefix extends Glob {
        private final String prefix;

        Prefix(String pattern, String prefix) {
            super(pattern);
            this.prefix = prefix;
        }

        @Override
        public boolean matches(String value) {
            return value.startsWith(prefix);
        }
    }

    static final class Regex extends Glob {
        private final Pattern regex;

        Regex(String glob, Pattern regex) {
            super(glob);
            this.regex = regex;
        }

        @Override
        public boolean matches(String value) {
            return regex.matcher(value).matches();
        }
    }
}
