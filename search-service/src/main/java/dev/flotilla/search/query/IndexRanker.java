package dev.flotilla.search.query;

import dev.flotilla.search.index.PostingList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * BM25F over in-memory posting lists. Every matching document is scored with all its query terms,
 * checked against the required groups and the exclusions, counted, and kept if among the best
 * {@code k}; scores and order are those of {@link SearchSql} (score descending, then document key).
 *
 * <p>
 * When the lists' documents lie in a dense key range (the usual case: a collection's documents get
 * consecutive keys as they are imported), the lists are added term at a time into arrays indexed by
 * key, which costs one array update per posting; otherwise they are merged document at a time.
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

    /** Largest key range ranked with arrays (16 bytes per key: 32 MB at most). */
    private static final int MAX_DENSE_RANGE = 2_000_000;
    /** Arrays are used while the key range is at most this many times the postings, or {@link #MIN_DENSE_RANGE}. */
    private static final long DENSE_RANGE_PER_POSTING = 8;
    private static final long MIN_DENSE_RANGE = 65_536;

    private IndexRanker() {
    }

    /**
     * The {@code k} best documents, best first, and the number of matches.
     *
     * @param required group bits every match must have
     * @param excluded lists whose documents are left out
     */
    static Ranking rank(List<Term> terms, long required, List<PostingList> excluded, double titleWeight, double bodyWeight,
            double k1, int k) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long postings = 0;
        for (Term term : terms) {
            long[] docs = term.postings().documents();
            if (docs.length > 0) {
                first = Math.min(first, docs[0]);
                last = Math.max(last, docs[docs.length - 1]);
                postings += docs.length;
            }
        }
        if (postings == 0) {
            return new Ranking(List.of(), 0);
        }
        long range = last - first + 1;
        return range <= MAX_DENSE_RANGE && range <= Math.max(DENSE_RANGE_PER_POSTING * postings, MIN_DENSE_RANGE)
                ? dense(terms, required, excluded, titleWeight, bodyWeight, k1, k, first, (int) range)
                : merged(terms, required, excluded, titleWeight, bodyWeight, k1, k);
    }

    /** Term at a time into arrays indexed by {@code key − first}. */
    static Ranking dense(List<Term> terms, long required, List<PostingList> excluded, double titleWeight, double bodyWeight,
            double k1, int k, long first, int range) {
        double[] scores = new double[range];
        long[] masks = new long[range];
        for (Term term : terms) {
            PostingList postings = term.postings();
            long[] docs = postings.documents();
            float[] title = postings.title();
            float[] body = postings.body();
            double weight = term.weight();
            long bit = term.bit();
            for (int j = 0; j < docs.length; j++) {
                int at = (int) (docs[j] - first);
                double tf = titleWeight * title[j] + bodyWeight * body[j];
                scores[at] += weight * tf / (tf + k1);
                masks[at] |= bit;
            }
        }
        for (PostingList list : excluded) {
            for (long doc : list.documents()) {
                if (doc >= first && doc - first < range) {
                    masks[(int) (doc - first)] = 0;
                }
            }
        }
        PriorityQueue<Hit> best = new PriorityQueue<>(Math.max(1, k), WORST_FIRST);
        long total = 0;
        for (int at = 0; at < range; at++) {
            long mask = masks[at];
            if (mask == 0 || (mask & required) != required) {
                continue;
            }
            total++;
            offer(best, k, new Hit(first + at, scores[at]));
        }
        return ordered(best, total);
    }

    /** Document at a time: the lists merged in key order, each document scored once. */
    static Ranking merged(List<Term> terms, long required, List<PostingList> excluded, double titleWeight, double bodyWeight,
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
            offer(best, k, new Hit(document, score));
        }
        return ordered(best, total);
    }

    private static void offer(PriorityQueue<Hit> best, int k, Hit hit) {
        if (best.size() < k) {
            best.add(hit);
        } else if (k > 0 && WORST_FIRST.compare(hit, best.peek()) > 0) {
            best.poll();
            best.add(hit);
        }
    }

    private static Ranking ordered(PriorityQueue<Hit> best, long total) {
        List<Hit> ordered = new ArrayList<>(best);
        ordered.sort(WORST_FIRST.reversed());
        return new Ranking(ordered, total);
    }

    /**
     * Whether an excluded list holds {@code document}; documents arrive in increasing order, so the cursors only move forward.
     */
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
