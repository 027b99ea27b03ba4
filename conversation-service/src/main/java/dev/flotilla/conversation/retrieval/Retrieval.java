package dev.flotilla.conversation.retrieval;

import dev.flotilla.common.correlation.RequestIds;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Passages of the user's knowledge collections for a turn, from search-service, asked with the user's token: the
 * {@code k} best passages over all the collections named, by search-service's score. A collection the user cannot see
 * is a 422 problem naming it; search-service unreachable is no failure of the turn: it goes on without passages
 * ({@link Retrieved#unavailable()}).
 */
@ApplicationScoped
public class Retrieval {

    private static final Logger LOG = Logger.getLogger(Retrieval.class);

    private final SearchTransport search;

    Retrieval(SearchTransport search) {
        this.search = search;
    }

    public Uni<Retrieved> passages(String authorization, String query, List<String> collections, int k) {
        if (collections.isEmpty() || k == 0) {
            return Uni.createFrom().item(Retrieved.none());
        }
        String requestId = RequestIds.current();
        SearchApi.Query asked = SearchApi.Query.passages(query, k);
        List<Uni<List<Found>>> searches = new ArrayList<>();
        for (String collection : collections) {
            searches.add(Uni.createFrom().deferred(() -> search.search(authorization, requestId, collection, asked))
                    .map(answer -> found(collection, answer))
                    .onFailure(SearchRefused.class).transform(refused -> new ProblemException(ProblemType.UNPROCESSABLE,
                            "The knowledge collection " + collection + " was not found")));
        }
        return Uni.join().all(searches).andFailFast()
                .map(each -> numbered(each.stream().flatMap(List::stream)
                        .sorted(Comparator.comparingDouble(Found::score).reversed()).limit(k).toList()))
                .onFailure(failure -> !(failure instanceof ProblemException)).recoverWithItem(failure -> {
                    LOG.warnf("Retrieval from search-service failed (%s); the turn goes on without passages",
                            failure.toString());
                    return Retrieved.skipped("search-service could not be reached");
                });
    }

    private record Found(String collection, SearchApi.Hit hit) {

        double score() {
            return hit.score();
        }
    }

    private static List<Found> found(String collection, SearchApi.Answer answer) {
        return answer.hits() == null ? List.of()
                : answer.hits().stream().filter(hit -> hit.passage() != null).map(hit -> new Found(collection, hit))
                        .toList();
    }

    private static Retrieved numbered(List<Found> best) {
        List<Citation> citations = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Found found : best) {
            SearchApi.Passage passage = found.hit().passage();
            citations.add(new Citation(citations.size() + 1, found.collection(), found.hit().id(), found.hit().title(),
                    passage.index(), passage.start(), passage.end(), found.score()));
            texts.add(passage.text());
        }
        return new Retrieved(List.copyOf(citations), List.copyOf(texts), null);
    }
}
