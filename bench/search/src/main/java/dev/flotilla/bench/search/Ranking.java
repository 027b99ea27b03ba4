package dev.flotilla.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A BEIR-format test collection, the evaluation measures, and the Lucene BM25 peer. */
final class Ranking {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Doc(String id, String title, String text) {
    }

    record Query(String id, String text) {
    }

    record Scores(double ndcg10, double recall100) {
    }

    /** corpus.jsonl, the judged queries of queries.jsonl and qrels.tsv of a directory. */
    record Dataset(List<Doc> corpus, List<Query> queries, Map<String, Map<String, Integer>> qrels) {

        static Dataset read(Path dir) throws IOException {
            Map<String, Map<String, Integer>> judged = readQrels(dir.resolve("qrels.tsv"));
            List<Query> queries = readQueries(dir.resolve("queries.jsonl")).stream().filter(q -> judged.containsKey(q.id()))
                    .toList();
            return new Dataset(readCorpus(dir.resolve("corpus.jsonl")), queries, judged);
        }
    }

    /** nDCG@10 (graded gains, log2 discount) and recall@100, averaged over the judged queries. */
    static Scores evaluate(Map<String, List<String>> runs, Map<String, Map<String, Integer>> qrels) {
        double ndcg = 0;
        double recall = 0;
        for (Map.Entry<String, Map<String, Integer>> judged : qrels.entrySet()) {
            List<String> ranked = runs.getOrDefault(judged.getKey(), List.of());
            Map<String, Integer> relevant = judged.getValue();
            double dcg = 0;
            for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                dcg += relevant.getOrDefault(ranked.get(i), 0) / (Math.log(i + 2) / Math.log(2));
            }
            List<Integer> ideal = relevant.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
            double idcg = 0;
            for (int i = 0; i < Math.min(10, ideal.size()); i++) {
                idcg += ideal.get(i) / (Math.log(i + 2) / Math.log(2));
            }
            ndcg += idcg == 0 ? 0 : dcg / idcg;
            long found = ranked.stream().limit(100).filter(id -> relevant.getOrDefault(id, 0) > 0).count();
            recall += ideal.isEmpty() ? 0 : (double) found / ideal.size();
        }
        return new Scores(ndcg / qrels.size(), recall / qrels.size());
    }

    /** The peer: Lucene BM25 with EnglishAnalyzer, in memory, title and text in one field. */
    static Map<String, List<String>> lucene(List<Doc> corpus, List<Query> queries) throws Exception {
        EnglishAnalyzer analyzer = new EnglishAnalyzer();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory,
                new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
            for (Doc d : corpus) {
                Document doc = new Document();
                doc.add(new StoredField("id", d.id()));
                doc.add(new TextField("contents", d.title() + " " + d.text(), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        Map<String, List<String>> runs = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            QueryParser parser = new QueryParser("contents", analyzer);
            for (Query q : queries) {
                List<String> ids = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(parser.parse(QueryParser.escape(q.text())), 100).scoreDocs) {
                    ids.add(searcher.storedFields().document(hit.doc).get("id"));
                }
                runs.put(q.id(), ids);
            }
        }
        return runs;
    }

    private static List<Doc> readCorpus(Path file) throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                docs.add(new Doc(n.get("_id").asText(), n.path("title").asText(""), n.path("text").asText("")));
            }
        }
        return docs;
    }

    private static List<Query> readQueries(Path file) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                queries.add(new Query(n.get("_id").asText(), n.get("text").asText()));
            }
        }
        return queries;
    }

    private static Map<String, Map<String, Integer>> readQrels(Path file) throws IOException {
        Map<String, Map<String, Integer>> qrels = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length < 3 || f[0].equals("query-id")) {
                continue;
            }
            qrels.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Integer.parseInt(f[2].trim()));
        }
        return qrels;
    }

    private Ranking() {
    }
}
