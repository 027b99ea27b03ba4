package dev.flotilla.search.query;

import dev.flotilla.search.index.PostingList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * BM25F over in-memory posting lists, document at a time: the lists are merged in document order,
 * each document is scored once with all its query terms, checked against the required groups and
 * the exclusions, counted, and kept if among the best {@code k}. Scores and order are those of
 * {@link SearchSql} (score descending, then document key).
 */
final class IndexRanker {

    /** A query term's postings with its weight {@code w · idf} and the group bit it satisfies. */
    record Term(PostingList postings, double weight, long bit) {
    }

    record Hit(long document, double score) {
    }

    record Ranking(List<Hit> best, long total) {
    }

    private static final Comparator<Hit> WORST_FIRST = Comparator.comparingDouble(Hit::score)
            .thenComparing(Comparator.comparingLong(Hit::document).reversed());

    private IndexRanker() {
    }

    /**
     * The {@code k} best documents, best first, and the number of matches.
     *
     * @param required  group bits every match must have
     * @param excluded  lists whose documents are left out
     */
    static Ranking rank(List<Term> terms, long required, List<PostingList> excluded, double titleWeight, double bodyWeight,
                        double k1, int k) {
        int n = terms.size();
        int[] at = new int[n];
        int[] skipAt = new int[excluded.size()];
        PriorityQueue<Hit> best = new PriorityQueue<>(Math.max(1, k), WORST_FIRST);
        long total = 0;
        while (true) {
            long document = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                long[] docs = terms.get(i).postings().documents();
                if (at[i] < docs.length && docs[at[i]] < document) {
                    document = docs[at[i]];
                }
            }
            if (document == Long.MAX_VALUE) {
                break;
            }
            double score = 0;
            long mask = 0;
            for (int i = 0; i < n; i++) {
                Term term = terms.get(i);
                PostingList postings = term.postings();
                if (at[i] < postings.size() && postings.documents()[at[i]] == document) {
                    double tf = titleWeight * postings.title()[at[i]] + bodyWeight * postings.body()[at[i]];
                    score += term.weight() * tf / (tf + k1);
                    mask |= term.bit();
                    at[i]++;
                }
            }
            if (mask == 0 || (mask & required) != required || contains(excluded, skipAt, document)) {
                continue;
            }
            total++;
            if (k == 0) {
                continue;
            }
            Hit hit = new Hit(document, score);
            if (best.size() < k) {
                best.add(hit);
            } else if (WORST_FIRST.compare(hit, best.peek()) > 0) {
                best.poll();
                best.add(hit);
            }
        }
        List<Hit> ordered = new ArrayList<>(best);
        ordered.sort(WORST_FIRST.reversed());
        return new Ranking(ordered, total);
    }

    /** Whether an excluded list holds {@code document}; documents arrive in increasing order, so the cursors only move forward. */
    private static boolean contains(List<PostingList> excluded, int[] at, long document) {
        boolean found = false;
        for (int i = 0; i < excluded.size(); i++) {
            long[] docs = excluded.get(i).documents();
            while (at[i] < docs.length && docs[at[i]] < document) {
                at[i]++;
            }
            found |= at[i] < docs.length && docs[at[i]] == document;
        }
        return found;
    }
}
