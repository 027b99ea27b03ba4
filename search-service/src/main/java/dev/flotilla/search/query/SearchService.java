package dev.flotilla.search.query;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.search.analysis.Analyzers;
import dev.flotilla.search.analysis.TextAnalyzer;
import dev.flotilla.search.analysis.Token;
import dev.flotilla.search.collection.Collection;
import dev.flotilla.search.collection.CollectionService;
import dev.flotilla.search.config.SearchConfig;
import dev.flotilla.search.document.Chunker;
import dev.flotilla.search.document.MetadataFilter;
import dev.flotilla.search.document.Passage;
import dev.flotilla.search.index.PostingCache;
import dev.flotilla.search.index.PostingList;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Searches a collection: plans the query against the index, ranks documents with BM25F, counts
 * facets, and builds snippets off the event loop. In passage mode the best documents' passages are
 * ranked with BM25 at passage level.
 *
 * <p>
 * Queries of words, OR groups, required words, prefixes and excluded words are ranked in memory
 * over cached posting lists ({@link IndexRanker}); queries with phrases, or with words and metadata
 * filters or tags, are ranked by one SQL statement ({@link SearchSql}). Both compute the same scores.
 * A listing without words (every document scores 0) reads one page in key order; its total is the
 * collection's document count, or with filters or tags a count that stops at
 * {@code flotilla.search.query.listing-count-limit} (then {@code totalExact} is false).
 */
@ApplicationScoped
public class SearchService {

    private final Pool pool;
    private final SearchRepository searches;
    private final CollectionService collections;
    private final QueryPlanner planner;
    private final PostingCache postings;
    private final Analyzers analyzers;
    private final SearchConfig config;

    SearchService(Pool pool, SearchRepository searches, CollectionService collections, QueryPlanner planner,
            PostingCache postings,
            Analyzers analyzers, SearchConfig config) {
        this.pool = pool;
        this.searches = searches;
        this.collections = collections;
        this.planner = planner;
        this.postings = postings;
        this.analyzers = analyzers;
        this.config = config;
    }

    public Uni<SearchResponse> search(UUID tenant, UUID collectionId, SearchRequest request) {
        long started = System.nanoTime();
        String q = request.q() == null ? "" : request.q();
        if (q.length() > config.query().maxLength()) {
            throw new BadRequest("q", "must be at most " + config.query().maxLength() + " characters");
        }
        int limit = request.limitOrDefault();
        int offset = offset(request.cursor());
        if (offset + limit > config.query().maxDepth()) {
            throw new BadRequest("cursor",
                    "results deeper than " + config.query().maxDepth() + " are not served; refine the query");
        }
        MetadataFilter filter = MetadataFilter.parse(request.filter());
        List<String> facets = request.facets() == null ? List.of() : request.facets().stream().distinct().toList();
        facets.forEach(f -> {
            if (!f.equals("tags")) {
                MetadataFilter.path(f);
            }
        });
        return collections.get(tenant, collectionId).chain(collection -> planner
                .plan(tenant, collection, QueryParser.parse(q), "and".equals(request.operator()))
                .chain(plan -> {
                    if (plan.matchNone()) {
                        return Uni.createFrom()
                                .item(new SearchResponse(List.of(), emptyFacets(facets), 0, true, millis(started), null));
                    }
                    Supplier<SearchSql> sql = () -> SearchSql.of(tenant, collection, plan, filter, request.tags(),
                            config.ranking());
                    boolean restricted = !filter.isEmpty() || (request.tags() != null && !request.tags().isEmpty());
                    boolean listing = plan.matchAll() && plan.excluded().isEmpty() && plan.excludedPhrases().isEmpty();
                    boolean inMemory = !plan.matchAll() && plan.phrases().isEmpty() && plan.excludedPhrases().isEmpty()
                            && !restricted;
                    Ranker ranker = listing ? (k, skip) -> listed(sql, collection, restricted, k, skip)
                            : inMemory ? (k, skip) -> rankedInMemory(tenant, collection, plan, k, skip)
                                    : (k, skip) -> ranked(sql, k, skip);
                    Uni<Map<String, List<SearchResponse.FacetValue>>> facetCounts = facets(sql, facets);
                    Uni<SearchResponse> hits = request.passages()
                            ? passages(ranker, collection, plan, request, limit, offset, started)
                            : documents(ranker, collection, plan, request, limit, offset, started);
                    return Uni.combine().all().unis(hits, facetCounts)
                            .with((response, counts) -> new SearchResponse(response.hits(), counts,
                                    response.total(), response.totalExact(), millis(started), response.nextCursor()));
                }));
    }

    private Uni<SearchResponse> documents(Ranker ranker, Collection collection, QueryPlan plan, SearchRequest request,
            int limit,
            int offset, long started) {
        return ranker.page(limit, offset)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(page -> {
                    long total = page.total();
                    TextAnalyzer analyzer = analyzers.of(collection.settings().language());
                    Set<String> terms = terms(plan);
                    List<SearchResponse.Hit> hits = page.rows().stream()
                            .map(r -> new SearchResponse.Hit(r.id(), round(r.score()), r.title(),
                                    Snippets.of(analyzer, r.body(), terms, request.highlightOrDefault(), Snippets.LENGTH),
                                    r.metadata(), null))
                            .toList();
                    String next = offset + hits.size() < total && !hits.isEmpty() ? Cursor.of("s", offset + limit).encode()
                            : null;
                    return new SearchResponse(hits, Map.of(), total, page.exact(), millis(started), next);
                });
    }

    private Uni<SearchResponse> passages(Ranker ranker, Collection collection, QueryPlan plan, SearchRequest request,
            int limit, int offset, long started) {
        return ranker.page(config.query().passageCandidates(), 0)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(page -> {
                    TextAnalyzer analyzer = analyzers.of(collection.settings().language());
                    Map<String, Double> weights = idfWeights(plan, collection.documentCount());
                    record Scored(RankedDocument doc, Passage passage, double score) {
                    }
                    record Candidate(RankedDocument doc, Passage passage, Map<String, Integer> tf, int length) {
                    }
                    List<Candidate> candidates = new ArrayList<>();
                    for (RankedDocument doc : page.rows()) {
                        for (Passage passage : Chunker.split(doc.body(), collection.settings().chunkSize(),
                                collection.settings().chunkOverlap())) {
                            Map<String, Integer> tf = new HashMap<>();
                            int length = 0;
                            for (Token token : analyzer.tokens(passage.text())) {
                                if (token.term() != null) {
                                    length++;
                                    if (weights.containsKey(token.term())) {
                                        tf.merge(token.term(), 1, Integer::sum);
                                    }
                                }
                            }
                            candidates.add(new Candidate(doc, passage, tf, length));
                        }
                    }
                    double average = Math.max(1.0, candidates.stream().mapToInt(Candidate::length).average().orElse(1.0));
                    double k1 = config.ranking().k1();
                    double b = config.ranking().b();
                    List<Scored> scored = new ArrayList<>();
                    for (Candidate candidate : candidates) {
                        double score = 0;
                        double norm = k1 * (1 - b + b * candidate.length() / average);
                        for (Map.Entry<String, Integer> tf : candidate.tf().entrySet()) {
                            score += weights.get(tf.getKey()) * tf.getValue() / (tf.getValue() + norm);
                        }
                        if (score > 0 || plan.matchAll()) {
                            // The document's own rank breaks ties between equally good passages.
                            scored.add(new Scored(candidate.doc(), candidate.passage(), score + 0.1 * candidate.doc().score()));
                        }
                    }
                    scored.sort(Comparator.comparingDouble(Scored::score).reversed());
                    Set<String> terms = terms(plan);
                    List<SearchResponse.Hit> hits = scored.stream().skip(offset).limit(limit)
                            .map(s -> new SearchResponse.Hit(s.doc().id(), round(s.score()), s.doc().title(),
                                    Snippets.of(analyzer, s.passage().text(), terms, request.highlightOrDefault(),
                                            s.passage().text().length()),
                                    s.doc().metadata(), new SearchResponse.PassageHit(s.passage().index(), s.passage().start(),
                                            s.passage().end(), s.passage().text())))
                            .toList();
                    String next = offset + limit < scored.size() ? Cursor.of("s", offset + limit).encode() : null;
                    return new SearchResponse(hits, Map.of(), scored.size(), true, millis(started), next);
                });
    }

    /** A page of ranked documents and the number of matches; {@code exact} false when that is only a lower bound. */
    private record RankedPage(List<RankedDocument> rows, long total, boolean exact) {
    }

    /** Ranks the matches and reads one page of them. */
    @FunctionalInterface
    private interface Ranker {
        Uni<RankedPage> page(int limit, int offset);
    }

    private Uni<RankedPage> rankedInMemory(UUID tenant, Collection collection, QueryPlan plan, int limit, int offset) {
        Set<String> needed = new HashSet<>(plan.excluded());
        plan.terms().forEach(t -> needed.add(t.term()));
        double documents = collection.documentCount();
        return postings.lists(collection, needed)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(lists -> {
                    List<IndexRanker.Term> terms = new ArrayList<>();
                    for (QueryPlan.ScoredTerm t : plan.terms()) {
                        PostingList list = lists.get(t.term());
                        double idf = Math.log(1 + (documents - list.size() + 0.5) / (list.size() + 0.5));
                        terms.add(new IndexRanker.Term(list, t.weight() * idf, t.bit()));
                    }
                    return IndexRanker.rank(terms, plan.required(), plan.excluded().stream().map(lists::get).toList(),
                            collection.settings().fieldWeights().title(), collection.settings().fieldWeights().body(),
                            config.ranking().k1(), offset + limit);
                })
                .chain(ranking -> {
                    List<IndexRanker.Hit> page = ranking.best().stream().skip(offset).toList();
                    if (page.isEmpty()) {
                        return Uni.createFrom().item(new RankedPage(List.of(), ranking.total(), true));
                    }
                    return searches.documents(pool, tenant, collection.id(), page)
                            .map(rows -> new RankedPage(rows, ranking.total(), true));
                });
    }

    private Uni<RankedPage> ranked(Supplier<SearchSql> sql, int limit, int offset) {
        return searches.page(pool, sql.get(), limit, offset).chain(ranking -> {
            if (ranking.page().isEmpty() && offset > 0) {
                // Past the last match the page carries no total: count alone.
                return searches.count(pool, sql.get()).map(total -> new RankedPage(ranking.page(), total, true));
            }
            return Uni.createFrom().item(new RankedPage(ranking.page(), ranking.total(), true));
        });
    }

    /**
     * Every document matches with score 0, so the page is the next documents in key order, read through
     * an index. Unrestricted, the total is the collection's document count; with filters or tags, the
     * matches are counted up to the listing count limit (or the end of the page, to tell whether
     * another page follows) rather than all of them.
     */
    private Uni<RankedPage> listed(Supplier<SearchSql> sql, Collection collection, boolean restricted, int limit, int offset) {
        Uni<List<RankedDocument>> page = searches.listing(pool, sql.get(), limit, offset);
        if (!restricted) {
            return page.map(rows -> new RankedPage(rows, collection.documentCount(), true));
        }
        int cap = Math.max(config.query().listingCountLimit(), offset + limit + 1);
        Uni<Long> total = searches.countUpTo(pool, sql.get(), cap);
        return Uni.combine().all().unis(page, total).with((rows, counted) -> new RankedPage(rows, counted, counted < cap));
    }

    private Uni<Map<String, List<SearchResponse.FacetValue>>> facets(Supplier<SearchSql> sql, List<String> fields) {
        if (fields.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<List<SearchResponse.FacetValue>>> counts = new ArrayList<>();
        for (String field : fields) {
            counts.add(searches.facet(pool, sql.get(), field));
        }
        return Uni.join().all(counts).andFailFast().map(lists -> {
            Map<String, List<SearchResponse.FacetValue>> result = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                result.put(fields.get(i), lists.get(i));
            }
            return result;
        });
    }

    private static Map<String, List<SearchResponse.FacetValue>> emptyFacets(List<String> fields) {
        Map<String, List<SearchResponse.FacetValue>> result = new LinkedHashMap<>();
        fields.forEach(f -> result.put(f, List.of()));
        return result;
    }

    private static Set<String> terms(QueryPlan plan) {
        return plan.terms().stream().map(QueryPlan.ScoredTerm::term).collect(Collectors.toSet());
    }

    private static Map<String, Double> idfWeights(QueryPlan plan, long documents) {
        Map<String, Double> weights = new HashMap<>();
        for (QueryPlan.ScoredTerm t : plan.terms()) {
            double idf = Math.log(1 + (documents - t.df() + 0.5) / (t.df() + 0.5));
            weights.merge(t.term(), t.weight() * idf, Double::sum);
        }
        return weights;
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        Cursor position = Cursor.decode(cursor);
        try {
            if (position.keys().size() == 2 && position.keys().get(0).equals("s")) {
                int offset = Integer.parseInt(position.keys().get(1));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest("cursor", "is not a cursor this endpoint returned");
    }

    private static double round(double score) {
        return Math.round(score * 10000.0) / 10000.0;
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
