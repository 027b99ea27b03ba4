package dev.flotilla.search.query;

import dev.flotilla.search.analysis.TextAnalyzer;
import dev.flotilla.search.analysis.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Snippets: the window of a text holding the most distinct query terms, cut at word boundaries,
 * with the matched words wrapped in {@code <mark>} (and the rest HTML-escaped) when highlighting.
 * Matching is by analysed term, so "studies" in the text is marked for the query "study".
 */
public final class Snippets {

    public static final int LENGTH = 240;

    private Snippets() {
    }

    public static String of(TextAnalyzer analyzer, String text, Set<String> terms, boolean highlight, int length) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        List<Token> matched = new ArrayList<>();
        for (Token token : analyzer.tokens(text)) {
            if (token.term() != null && terms.contains(token.term())) {
                matched.add(token);
            }
        }
        int start = 0;
        if (!matched.isEmpty()) {
            int best = -1;
            int bestStart = 0;
            for (int i = 0; i < matched.size(); i++) {
                int from = Math.max(0, matched.get(i).start() - length / 5);
                Set<String> distinct = new HashSet<>();
                for (int j = i; j < matched.size() && matched.get(j).end() <= from + length; j++) {
                    distinct.add(matched.get(j).term());
                }
                if (distinct.size() > best) {
                    best = distinct.size();
                    bestStart = from;
                }
            }
            start = bestStart;
        }
        int end = Math.min(text.length(), start + length);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            start = space < 0 || space >= end ? start : space + 1;
        }
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space <= start ? end : space;
        }
        StringBuilder out = new StringBuilder();
        if (start > 0) {
            out.append('…');
        }
        int at = start;
        if (highlight) {
            for (Token token : matched) {
                if (token.start() < start || token.end() > end) {
                    continue;
                }
                out.append(escape(text.substring(at, token.start()))).append("<mark>")
                        .append(escape(text.substring(token.start(), token.end()))).append("</mark>");
                at = token.end();
            }
            out.append(escape(text.substring(at, end)));
        } else {
            out.append(text, start, end);
        }
        if (end < text.length()) {
            out.append('…');
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
