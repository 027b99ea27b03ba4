package dev.flotilla.search.query;

import dev.flotilla.search.analysis.Analyzers;
import dev.flotilla.search.collection.CollectionService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Completions as the user types: the last word of the query is completed from the collection's
 * vocabulary, most frequent words first; when few words start with it, close spellings follow
 * (trigram similarity), so a typo in the word being typed still gets useful suggestions.
 */
@ApplicationScoped
public class SuggestService {

    private final Pool pool;
    private final VocabularyRepository vocabulary;
    private final CollectionService collections;
    private final Analyzers analyzers;

    SuggestService(Pool pool, VocabularyRepository vocabulary, CollectionService collections, Analyzers analyzers) {
        this.pool = pool;
        this.vocabulary = vocabulary;
        this.collections = collections;
        this.analyzers = analyzers;
    }

    /** One completion: the whole query text, the completed word and how many documents hold it. */
    public record Suggestion(String text, String word, long documents) {
    }

    public record Suggestions(List<Suggestion> suggestions) {
    }

    public Uni<Suggestions> suggest(UUID tenant, UUID collection, String query, int limit) {
        String q = query == null ? "" : query.stripLeading();
        int cut = Math.max(q.lastIndexOf(' '), q.lastIndexOf('"')) + 1;
        String head = q.substring(0, cut);
        String fragment = q.substring(cut).replaceAll("^[-+*\"(]+|[*\")]+$", "");
        return collections.get(tenant, collection).chain(c -> {
            String word = fragment.isEmpty() ? null : analyzers.of(c.settings().language()).word(fragment);
            if (word == null || word.isEmpty()) {
                return Uni.createFrom().item(new Suggestions(List.of()));
            }
            return vocabulary.startingWith(pool, tenant, collection, word, limit)
                    .chain(found -> {
                        if (found.size() >= limit || word.length() < 3) {
                            return Uni.createFrom().item(found);
                        }
                        return vocabulary.similarTo(pool, tenant, collection, word, limit)
                                .map(similar -> {
                                    similar.forEach(found::putIfAbsent);
                                    return found;
                                });
                    })
                    .map(found -> {
                        List<Suggestion> suggestions = new ArrayList<>();
                        found.forEach((w, df) -> suggestions.add(new Suggestion(head + w, w, df)));
                        return new Suggestions(suggestions.subList(0, Math.min(limit, suggestions.size())));
                    });
        });
    }
}
