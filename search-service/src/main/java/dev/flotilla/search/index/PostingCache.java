package dev.flotilla.search.index;

import dev.flotilla.search.collection.Collection;
import dev.flotilla.search.config.SearchConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Posting lists read from PostgreSQL, kept in memory for ranking. The table stays the index; this is
 * a cache of decoded lists, least recently used out first, bounded by
 * {@code flotilla.search.query.posting-cache-size} postings. An entry belongs to one index version
 * of its collection ({@link Collection#indexVersion()}, raised by every write in the same
 * transaction), so a list is never used after any replica changed the collection.
 */
@ApplicationScoped
public class PostingCache {

    private record Key(UUID collection, String term) {
    }

    private record Entry(long version, PostingList list) {
    }

    private final Pool pool;
    private final IndexRepository index;
    private final SearchConfig config;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long cachedPostings;

    PostingCache(Pool pool, IndexRepository index, SearchConfig config) {
        this.pool = pool;
        this.index = index;
        this.config = config;
    }

    /** The posting lists of {@code terms} (empty lists for unknown terms), at the collection's index version. */
    public Uni<Map<String, PostingList>> lists(Collection collection, Set<String> terms) {
        Map<String, PostingList> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (this) {
            for (String term : terms) {
                Entry entry = entries.get(new Key(collection.id(), term));
                if (entry != null && entry.version == collection.indexVersion()) {
                    found.put(term, entry.list);
                } else {
                    missing.add(term);
                }
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        return load(collection, missing).map(loaded -> {
            found.putAll(loaded);
            synchronized (this) {
                loaded.forEach((term, list) -> put(new Key(collection.id(), term), new Entry(collection.indexVersion(), list)));
            }
            return found;
        });
    }

    private void put(Key key, Entry entry) {
        Entry previous = entries.put(key, entry);
        cachedPostings += entry.list.size() - (previous == null ? 0 : previous.list.size());
        var eldest = entries.entrySet().iterator();
        while (cachedPostings > config.query().postingCacheSize() && eldest.hasNext()) {
            cachedPostings -= eldest.next().getValue().list.size();
            eldest.remove();
        }
    }

    private Uni<Map<String, PostingList>> load(Collection collection, List<String> terms) {
        double b = config.ranking().b();
        double avgTitle = collection.averageTitleLength();
        double avgBody = collection.averageBodyLength();
        return index.postings(pool, collection.id(), terms)
                .map(stored -> {
                    Map<String, PostingList> loaded = new HashMap<>();
                    stored.forEach((term, postings) -> {
                        Long[] docs = postings.documents();
                        Integer[] tfTitle = postings.tfTitle();
                        Integer[] tfBody = postings.tfBody();
                        Integer[] titleLength = postings.titleLength();
                        Integer[] bodyLength = postings.bodyLength();
                        long[] documents = new long[docs.length];
                        float[] title = new float[docs.length];
                        float[] body = new float[docs.length];
                        for (int i = 0; i < docs.length; i++) {
                            documents[i] = docs[i];
                            title[i] = (float) (tfTitle[i] / (1 - b + b * titleLength[i] / avgTitle));
                            body[i] = (float) (tfBody[i] / (1 - b + b * bodyLength[i] / avgBody));
                        }
                        loaded.put(term, new PostingList(documents, title, body));
                    });
                    PostingList empty = new PostingList(new long[0], new float[0], new float[0]);
                    terms.forEach(term -> loaded.putIfAbsent(term, empty));
                    return loaded;
                });
    }
}
