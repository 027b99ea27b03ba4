package dev.flotilla.conversation.context;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextWindowTest {

    record Message(String name, String role, int tokens) {

        static Message user(String name, int tokens) {
            return new Message(name, "user", tokens);
        }

        static Message assistant(String name, int tokens) {
            return new Message(name, "assistant", tokens);
        }

        static Message call(String name, int tokens) {
            return new Message(name, "call", tokens);
        }

        static Message result(String name, int tokens) {
            return new Message(name, "tool", tokens);
        }
    }

    private final ContextWindow<Message> window = new ContextWindow<>(Message::tokens,
            message -> message.role().equals("call"), message -> message.role().equals("tool"));

    /** The names chosen, oldest first, from a history given oldest first. */
    private List<String> chosen(List<Message> history, int maxTokens, int maxMessages) {
        return window.select(newestFirst(history), maxTokens, maxMessages, true).messages().stream()
                .map(Message::name).toList();
    }

    private static List<Message> newestFirst(List<Message> history) {
        List<Message> reversed = new ArrayList<>(history);
        Collections.reverse(reversed);
        return reversed;
    }

    @Test
    void everyMessageIsTakenWhenAllFit() {
        List<Message> history = List.of(Message.user("u1", 10), Message.assistant("a1", 20), Message.user("u2", 5));
        ContextWindow.Selection<Message> selection = window.select(newestFirst(history), 100, 10, true);
        assertEquals(List.of("u1", "a1", "u2"), selection.messages().stream().map(Message::name).toList());
        assertEquals(35, selection.tokens());
        assertTrue(selection.complete());
    }

    @Test
    void theMostRecentMessagesWithinTheTokenBudgetAreTaken() {
        List<Message> history = List.of(Message.user("u1", 40), Message.assistant("a1", 30), Message.user("u2", 30));
        assertEquals(List.of("a1", "u2"), chosen(history, 60, 10));
    }

    @Test
    void anOlderMessageThatWouldFitIsNotTakenPastOneThatDoesNot() {
        List<Message> history = List.of(Message.user("u1", 1), Message.assistant("a1", 50), Message.user("u2", 30));
        assertEquals(List.of("u2"), chosen(history, 60, 10));
    }

    @Test
    void theMessageCountIsBounded() {
        List<Message> history = List.of(Message.user("u1", 1), Message.assistant("a1", 1), Message.user("u2", 1));
        assertEquals(List.of("a1", "u2"), chosen(history, 100, 2));
    }

    @Test
    void aToolCallAndItsResultsAreTakenTogether() {
        List<Message> history = List.of(Message.user("u1", 5), Message.call("c1", 5), Message.result("r1", 5),
                Message.result("r2", 5), Message.assistant("a1", 5));
        assertEquals(List.of("c1", "r1", "r2", "a1"), chosen(history, 20, 10));
    }

    @Test
    void aToolCallWhoseResultsDoNotFitIsLeftOutWithThem() {
        List<Message> history = List.of(Message.user("u1", 5), Message.call("c1", 5), Message.result("r1", 50),
                Message.assistant("a1", 5));
        assertEquals(List.of("a1"), chosen(history, 30, 10));
    }

    @Test
    void toolResultsWhoseCallIsNotAmongTheCandidatesAreLeftOut() {
        List<Message> candidates = List.of(Message.result("r1", 1), Message.assistant("a1", 1));
        ContextWindow.Selection<Message> selection = window.select(newestFirst(candidates), 100, 10, true);
        assertEquals(List.of("a1"), selection.messages().stream().map(Message::name).toList());
        assertFalse(selection.complete());
    }

    @Test
    void aSelectionIsIncompleteWhenOlderMessagesWereLeftOut() {
        List<Message> history = List.of(Message.user("u1", 40), Message.assistant("a1", 30));
        assertFalse(window.select(newestFirst(history), 30, 10, true).complete());
    }

    @Test
    void aSelectionOfCandidatesThatAreNotAllTheHistoryIsIncomplete() {
        List<Message> history = List.of(Message.user("u1", 1));
        assertFalse(window.select(newestFirst(history), 30, 10, false).complete());
    }

    @Test
    void nothingIsTakenWhenTheLatestMessageAloneExceedsTheBudget() {
        assertEquals(List.of(), chosen(List.of(Message.user("u1", 10)), 5, 10));
    }
}
