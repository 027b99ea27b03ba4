package dev.flotilla.conversation.retrieval;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(SearchServer.class)
class RetrievalTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOKEN = "Bearer user-token";

    @Inject
    Retrieval retrieval;

    private static String collection() {
        return UUID.randomUUID().toString();
    }

    private Retrieved passages(List<String> collections, int k) {
        return retrieval.passages(TOKEN, "how do tides work", collections, k).await().atMost(WAIT);
    }

    @Test
    void theBestPassagesOfAllCollectionsAreNumberedInScoreOrder() {
        String guides = collection();
        String notes = collection();
        SearchServer.passage(guides, "moon", "The Moon", 9.0, 0, 0, "The Moon pulls the oceans.");
        SearchServer.passage(guides, "sun", "The Sun", 3.0, 2, 120, "The Sun pulls too, less.");
        SearchServer.passage(notes, "spring", "Spring tides", 5.0, 1, 40, "Both in line: spring tides.");
        Retrieved retrieved = passages(List.of(guides, notes), 2);
        assertEquals(List.of(new Citation(1, guides, "moon", "The Moon", 0, 0, 26, 9.0),
                new Citation(2, notes, "spring", "Spring tides", 1, 40, 67, 5.0)), retrieved.citations());
        assertEquals(List.of("The Moon pulls the oceans.", "Both in line: spring tides."), retrieved.texts());
        assertNull(retrieved.unavailable());
    }

    @Test
    void theSearchAsksForPassagesWithTheUsersToken() {
        String guides = collection();
        SearchServer.emptyCollection(guides);
        passages(List.of(guides), 3);
        SearchServer.Request request = SearchServer.requestsFor(guides).get(0);
        assertEquals(TOKEN, request.authorization());
        assertEquals("passages", request.body().getString("mode"));
        assertEquals("how do tides work", request.body().getString("q"));
        assertEquals(3, request.body().getInteger("limit"));
    }

    @Test
    void thePromptNumbersEachPassageAsItIsCited() {
        String guides = collection();
        SearchServer.passage(guides, "moon", "The Moon", 9.0, 0, 0, "The Moon pulls the oceans.");
        String prompt = passages(List.of(guides), 5).prompt();
        assertTrue(prompt.contains("[1] The Moon\nThe Moon pulls the oceans."), prompt);
        assertTrue(prompt.contains("cite"), prompt);
    }

    @Test
    void aCollectionTheUserCannotSeeIsAProblemNamingIt() {
        String unknown = collection();
        ProblemException problem = assertThrows(ProblemException.class, () -> passages(List.of(unknown), 3));
        assertEquals(ProblemType.UNPROCESSABLE, problem.type());
        assertTrue(problem.getMessage().contains(unknown), problem.getMessage());
    }

    @Test
    void searchServiceUnavailableLeavesTheTurnWithoutPassagesAndSaysWhy() {
        String broken = collection();
        SearchServer.breakCollection(broken);
        Retrieved retrieved = passages(List.of(broken), 3);
        assertTrue(retrieved.isEmpty());
        assertEquals("search-service could not be reached", retrieved.unavailable());
    }

    @Test
    void noCollectionsAskNothing() {
        Retrieved retrieved = passages(List.of(), 3);
        assertTrue(retrieved.isEmpty());
        assertNull(retrieved.unavailable());
    }
}
