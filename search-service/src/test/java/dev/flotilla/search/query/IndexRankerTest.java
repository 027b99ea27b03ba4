package dev.flotilla.search.query;

import dev.flotilla.search.index.PostingList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Both ways of ranking in memory against a brute-force scoring of every document. */
class IndexRankerTest {

    private static final double K1 = 1.2;

    @Test
    void denseAndMergedRankingMatchBruteForce() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int documents = 1 + random.nextInt(300);
            long firstKey = random.nextInt(1000);
            List<IndexRanker.Term> terms = new ArrayList<>();
            int groups = 1 + random.nextInt(4);
            for (int t = 0; t < 1 + random.nextInt(6); t++) {
                terms.add(new IndexRanker.Term(list(random, documents, firstKey), 0.1 + random.nextDouble() * 3,
                        1L << random.nextInt(groups)));
            }
            List<PostingList> excluded = random.nextBoolean() ? List.of() : List.of(list(random, documents, firstKey));
            long required = random.nextInt(3) == 0 ? 1L << random.nextInt(groups) : 0;
            int k = random.nextInt(15);

            IndexRanker.Ranking expected = bruteForce(terms, required, excluded, k);
            IndexRanker.Ranking dense = IndexRanker.dense(terms, required, excluded, 2, 1, K1, k, firstKey, documents);
            IndexRanker.Ranking merged = IndexRanker.merged(terms, required, excluded, 2, 1, K1, k);
            assertEquals(expected, dense, "dense, round " + round);
            assertEquals(expected, merged, "merged, round " + round);
            assertEquals(expected, IndexRanker.rank(terms, required, excluded, 2, 1, K1, k), "round " + round);
        }
    }

    @Test
    void aSparseKeyRangeIsMergedWithTheSameResult() {
        PostingList far = new PostingList(new long[] { 5, 40_000_000L }, new float[] { 1, 0 }, new float[] { 0, 2 });
        PostingList near = new PostingList(new long[] { 5, 7 }, new float[] { 0, 0 }, new float[] { 1, 1 });
        List<IndexRanker.Term> terms = List.of(new IndexRanker.Term(far, 1.5, 1), new IndexRanker.Term(near, 0.5, 2));
        IndexRanker.Ranking ranking = IndexRanker.rank(terms, 0, List.of(), 2, 1, K1, 10);
        assertEquals(bruteForce(terms, 0, List.of(), 10), ranking);
        assertEquals(List.of(5L, 40_000_000L, 7L), ranking.best().stream().map(IndexRanker.Hit::document).toList());
    }

    private static PostingList list(Random random, int documents, long firstKey) {
        TreeSet<Long> keys = new TreeSet<>();
        int size = random.nextInt(documents + 1);
        while (keys.size() < size) {
            keys.add(firstKey + random.nextInt(documents));
        }
        long[] docs = keys.stream().mapToLong(Long::longValue).toArray();
        float[] title = new float[docs.length];
        float[] body = new float[docs.length];
        for (int i = 0; i < docs.length; i++) {
            title[i] = random.nextInt(3) * 0.8f;
            body[i] = random.nextInt(4) * 0.9f;
        }
        return new PostingList(docs, title, body);
    }

    /** Scores every document with every term it holds, in term order, and sorts. */
    private static IndexRanker.Ranking bruteForce(List<IndexRanker.Term> terms, long required, List<PostingList> excluded,
            int k) {
        Map<Long, Double> scores = new HashMap<>();
        Map<Long, Long> masks = new HashMap<>();
        for (IndexRanker.Term term : terms) {
            PostingList p = term.postings();
            for (int i = 0; i < p.size(); i++) {
                double tf = 2.0 * p.title()[i] + 1.0 * p.body()[i];
                scores.merge(p.documents()[i], term.weight() * tf / (tf + K1), Double::sum);
                masks.merge(p.documents()[i], term.bit(), (a, b) -> a | b);
            }
        }
        excluded.forEach(list -> {
            for (long doc : list.documents()) {
                masks.remove(doc);
            }
        });
        List<IndexRanker.Hit> hits = masks.entrySet().stream()
                .filter(e -> e.getValue() != 0 && (e.getValue() & required) == required)
                .map(e -> new IndexRanker.Hit(e.getKey(), scores.get(e.getKey())))
                .sorted((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                        : Long.compare(a.document(), b.document()))
                .toList();
        return new IndexRanker.Ranking(hits.subList(0, Math.min(k, hits.size())), hits.size());
    }
}
