package dev.flotilla.search.query;

import dev.flotilla.search.analysis.Analyzers;
import dev.flotilla.search.analysis.TextAnalyzer;
import dev.flotilla.search.analysis.Token;
import dev.flotilla.search.collection.Collection;
import dev.flotilla.search.config.SearchConfig;
import dev.flotilla.search.index.PostingCache;
import dev.flotilla.search.query.VocabularyRepository.Known;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns parsed clauses into a {@link QueryPlan}: analyses each clause with the collection's
 * analyzer (the same that indexed the documents), expands prefixes over the vocabulary, and
 * corrects words the index does not know to the closest known words (trigram similarity, at
 * most two edits), weighted below the word typed.
 */
@ApplicationScoped
public class QueryPlanner {

    private static final int MAX_GROUPS = 60;

    private final Pool pool;
    private final VocabularyRepository vocabulary;
    private final PostingCache postings;
    private final Analyzers analyzers;
    private final SearchConfig config;

    QueryPlanner(Pool pool, VocabularyRepository vocabulary, PostingCache postings, Analyzers analyzers, SearchConfig config) {
        this.pool = pool;
        this.vocabulary = vocabulary;
        this.postings = postings;
        this.analyzers = analyzers;
        this.config = config;
    }

    /** A clause after analysis. */
    private record Analysed(QueryParser.Clause clause, List<String> terms, List<Integer> offsets, String word) {
    }

    public Uni<QueryPlan> plan(UUID tenant, Collection collection, List<QueryParser.Clause> clauses, boolean all) {
        TextAnalyzer analyzer = analyzers.of(collection.settings().language());
        List<Analysed> analysed = new ArrayList<>();
        boolean positive = false;
        for (QueryParser.Clause clause : clauses) {
            if (clause.group() >= MAX_GROUPS) {
                break;
            }
            positive |= clause.occur() != QueryParser.Occur.MUST_NOT;
            if (clause.kind() == QueryParser.Kind.PREFIX) {
                String word = analyzer.word(clause.text());
                if (word != null) {
                    analysed.add(new Analysed(clause, List.of(), List.of(), word));
                }
                continue;
            }
            List<String> terms = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            String word = null;
            int first = -1;
            for (Token token : analyzer.tokens(clause.text())) {
                if (token.term() == null) {
                    continue;
                }
                if (first < 0) {
                    first = token.position();
                    word = token.word();
                }
                terms.add(token.term());
                offsets.add(token.position() - first);
            }
            if (!terms.isEmpty()) {
                analysed.add(new Analysed(clause, terms, offsets, terms.size() == 1 ? word : null));
            }
        }
        if (!positive) {
            return resolve(tenant, collection, analysed, all, true);
        }
        return resolve(tenant, collection, analysed, all, false);
    }

    private Uni<QueryPlan> resolve(UUID tenant, Collection collection, List<Analysed> analysed, boolean all, boolean matchAll) {
        Set<String> typed = new LinkedHashSet<>();
        analysed.forEach(a -> typed.addAll(a.terms()));
        return frequencies(collection, typed).chain(df -> {
            Map<String, String> misspelt = new LinkedHashMap<>();
            for (Analysed a : analysed) {
                if (a.clause().kind() == QueryParser.Kind.WORD && a.clause().occur() != QueryParser.Occur.MUST_NOT
                        && a.terms().size() == 1 && a.word() != null && df.getOrDefault(a.terms().get(0), 0L) == 0) {
                    misspelt.put(a.word(), a.terms().get(0));
                }
            }
            List<String> prefixes = analysed.stream().filter(a -> a.clause().kind() == QueryParser.Kind.PREFIX)
                    .map(Analysed::word).distinct().toList();
            return corrections(tenant, collection.id(), misspelt.keySet())
                    .chain(typos -> expansions(tenant, collection.id(), prefixes)
                            .map(expanded -> build(analysed, df, typos, expanded, all, matchAll)));
        });
    }

    private QueryPlan build(List<Analysed> analysed, Map<String, Long> df, Map<String, List<Known>> typos,
            Map<String, List<Known>> expanded, boolean all, boolean matchAll) {
        List<QueryPlan.ScoredTerm> terms = new ArrayList<>();
        List<QueryPlan.Phrase> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<QueryPlan.Phrase> excludedPhrases = new ArrayList<>();
        Map<Integer, Boolean> groupRequired = new HashMap<>();
        Map<Integer, Integer> groupSize = new HashMap<>();
        analysed.forEach(a -> groupSize.merge(a.clause().group(), 1, Integer::sum));
        boolean searchable = false;
        for (Analysed a : analysed) {
            QueryParser.Clause clause = a.clause();
            long bit = 1L << clause.group();
            if (clause.occur() == QueryParser.Occur.MUST_NOT) {
                switch (clause.kind()) {
                    case PREFIX -> expanded.getOrDefault(a.word(), List.of()).forEach(k -> excluded.add(k.term()));
                    case PHRASE -> {
                        if (a.terms().size() > 1) {
                            excludedPhrases.add(new QueryPlan.Phrase(a.terms(), a.offsets(), 0));
                        } else {
                            excluded.addAll(a.terms());
                        }
                    }
                    case WORD -> excluded.addAll(a.terms());
                }
                continue;
            }
            boolean required = all || clause.occur() == QueryParser.Occur.MUST
                    || (clause.kind() == QueryParser.Kind.PHRASE && groupSize.get(clause.group()) == 1);
            groupRequired.merge(clause.group(), required, Boolean::logicalOr);
            switch (clause.kind()) {
                case PREFIX -> {
                    for (Known k : distinctTerms(expanded.getOrDefault(a.word(), List.of()))) {
                        terms.add(new QueryPlan.ScoredTerm(k.term(), bit, 1.0, k.df()));
                        searchable = true;
                    }
                }
                case PHRASE -> {
                    if (a.terms().size() > 1) {
                        phrases.add(new QueryPlan.Phrase(a.terms(), a.offsets(), bit));
                        a.terms().forEach(t -> terms.add(new QueryPlan.ScoredTerm(t, 0, 1.0, df.getOrDefault(t, 0L))));
                    } else {
                        terms.add(new QueryPlan.ScoredTerm(a.terms().get(0), bit, 1.0, df.getOrDefault(a.terms().get(0), 0L)));
                    }
                    searchable = true;
                }
                case WORD -> {
                    for (String t : a.terms()) {
                        terms.add(new QueryPlan.ScoredTerm(t, bit, 1.0, df.getOrDefault(t, 0L)));
                    }
                    if (a.word() != null) {
                        for (Known k : distinctTerms(typos.getOrDefault(a.word(), List.of()))) {
                            if (!k.term().equals(a.terms().get(0))) {
                                terms.add(new QueryPlan.ScoredTerm(k.term(), bit, config.ranking().typoWeight(), k.df()));
                            }
                        }
                    }
                    searchable = true;
                }
            }
        }
        long required = 0;
        for (Map.Entry<Integer, Boolean> g : groupRequired.entrySet()) {
            if (g.getValue()) {
                required |= 1L << g.getKey();
            }
        }
        return new QueryPlan(terms, phrases, excluded, excludedPhrases, required, matchAll, !matchAll && !searchable);
    }

    private static List<Known> distinctTerms(List<Known> known) {
        Map<String, Known> byTerm = new LinkedHashMap<>();
        known.forEach(k -> byTerm.putIfAbsent(k.term(), k));
        return new ArrayList<>(byTerm.values());
    }

    /** Document frequencies: the lengths of the terms' posting lists, which ranking reads next anyway. */
    private Uni<Map<String, Long>> frequencies(Collection collection, Set<String> terms) {
        if (terms.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return postings.lists(collection, terms).map(lists -> {
            Map<String, Long> df = new HashMap<>();
            lists.forEach((term, list) -> df.put(term, (long) list.size()));
            return df;
        });
    }

    private Uni<Map<String, List<Known>>> corrections(UUID tenant, UUID collection, Set<String> words) {
        if (words.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return vocabulary.corrections(pool, tenant, collection, words, config.query().typoCandidates());
    }

    private Uni<Map<String, List<Known>>> expansions(UUID tenant, UUID collection, List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return vocabulary.expansions(pool, tenant, collection, prefixes, config.query().prefixExpansions());
    }
}
