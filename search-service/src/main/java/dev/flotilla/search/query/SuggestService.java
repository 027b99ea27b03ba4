package dev.flotilla.search.query;

import dev.flotilla.search.collection.CollectionService;
import dev.flotilla.search.index.Analyzers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Completions as the user types: the last word of the query is completed from the collection's
 * vocabulary, most frequent words first; when few words start with it, close spellings follow
 * (trigram similarity), so a typo in the word being typed still gets useful suggestions.
 */
@ApplicationScoped
public class SuggestService {

    private final Pool pool;
    private final CollectionService collections;
    private final Analyzers analyzers;

    public SuggestService(Pool pool, CollectionService collections, Analyzers analyzers) {
        this.pool = pool;
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
            return pool.preparedQuery("SELECT word, df FROM vocabulary WHERE tenant_id = $1 AND collection_id = $2 "
                            + "AND word >= $3 AND word < $3 || chr(1114111) ORDER BY df DESC, word LIMIT $4")
                    .execute(Tuple.of(tenant, collection, word, limit))
                    .chain(prefixed -> {
                        Map<String, Long> found = new LinkedHashMap<>();
                        prefixed.forEach(row -> found.put(row.getString("word"), (long) row.getInteger("df")));
                        if (found.size() >= limit || word.length() < 3) {
                            return Uni.createFrom().item(found);
                        }
                        return pool.preparedQuery("SELECT word, df FROM vocabulary WHERE tenant_id = $1 AND collection_id = $2 "
                                        + "AND word % $3 ORDER BY similarity(word, $3) DESC, df DESC LIMIT $4")
                                .execute(Tuple.of(tenant, collection, word, limit))
                                .map(similar -> {
                                    similar.forEach(row -> found.putIfAbsent(row.getString("word"), (long) row.getInteger("df")));
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
