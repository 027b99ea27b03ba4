package dev.flotilla.search.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the query language into clauses, forgivingly: any string is a query, never an error.
 * <ul>
 * <li>{@code word}: a term, ranked by BM25;</li>
 * <li>{@code "quoted phrase"}: the words next to each other, in order (an unclosed quote runs to the end);</li>
 * <li>{@code a OR b}: either (binds adjacent clauses into one group);</li>
 * <li>{@code -word}, {@code -"phrase"}: documents containing it are excluded;</li>
 * <li>{@code +word}: required;</li>
 * <li>{@code prefix*}: any word starting with the prefix.</li>
 * </ul>
 * Parentheses, a lone {@code -} or {@code *} and the word {@code AND} are ignored.
 */
public final class QueryParser {

    /** How a clause takes part in matching. */
    public enum Occur {
        SHOULD,
        MUST,
        MUST_NOT
    }

    /** What a clause looks for. */
    public enum Kind {
        WORD,
        PHRASE,
        PREFIX
    }

    /** One clause: its text (unanalysed), kind, occurrence and the OR group it belongs to. */
    public record Clause(String text, Kind kind, Occur occur, int group) {
    }

    private QueryParser() {
    }

    public static List<Clause> parse(String query) {
        List<Clause> clauses = new ArrayList<>();
        if (query == null) {
            return clauses;
        }
        int group = -1;
        boolean joinNext = false;
        int i = 0;
        int n = query.length();
        while (i < n) {
            char ch = query.charAt(i);
            if (Character.isWhitespace(ch) || ch == '(' || ch == ')') {
                i++;
                continue;
            }
            Occur occur = Occur.SHOULD;
            if ((ch == '-' || ch == '+') && i + 1 < n && !Character.isWhitespace(query.charAt(i + 1))) {
                occur = ch == '-' ? Occur.MUST_NOT : Occur.MUST;
                i++;
                ch = query.charAt(i);
            }
            String text;
            Kind kind;
            if (ch == '"') {
                int close = query.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                text = query.substring(i + 1, end);
                kind = Kind.PHRASE;
                i = close < 0 ? n : close + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(query.charAt(end)) && query.charAt(end) != '"'
                        && query.charAt(end) != '(' && query.charAt(end) != ')') {
                    end++;
                }
                text = query.substring(i, end);
                i = end;
                if (occur == Occur.SHOULD && (text.equals("OR") || text.equals("||"))) {
                    joinNext = !clauses.isEmpty();
                    continue;
                }
                if (occur == Occur.SHOULD && (text.equals("AND") || text.equals("&&"))) {
                    continue;
                }
                kind = Kind.WORD;
                if (text.endsWith("*")) {
                    text = text.replaceAll("\\*+$", "");
                    kind = Kind.PREFIX;
                }
                text = text.replace("*", "");
            }
            if (text.isBlank()) {
                continue;
            }
            // An exclusion never joins an OR group; the others join the previous clause's group after OR.
            if (occur == Occur.MUST_NOT || !joinNext || clauses.isEmpty()
                    || clauses.get(clauses.size() - 1).occur() == Occur.MUST_NOT) {
                group++;
            }
            joinNext = false;
            clauses.add(new Clause(text, kind, occur, group));
        }
        return clauses;
    }
}
