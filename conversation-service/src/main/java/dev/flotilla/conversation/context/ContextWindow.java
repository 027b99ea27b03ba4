package dev.flotilla.conversation.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Which of a conversation's most recent messages fit a model's budget. Messages are taken newest first while they fit,
 * and stop at the first that does not, so the window is always an unbroken run up to the latest message. An assistant
 * message that calls tools and the tool results answering it are one unit, taken whole or not at all: a model given a
 * tool result without its call (or a call without its result) rejects the request or misreads it.
 *
 * @param <M> the message type; the functions given say what the window needs of one
 */
public final class ContextWindow<M> {

    private final ToIntFunction<M> tokens;
    private final Predicate<M> callsTools;
    private final Predicate<M> answersTool;

    /**
     * @param tokens a message's token count
     * @param callsTools whether a message is an assistant's call of tools
     * @param answersTool whether a message is a tool's result
     */
    public ContextWindow(ToIntFunction<M> tokens, Predicate<M> callsTools, Predicate<M> answersTool) {
        this.tokens = tokens;
        this.callsTools = callsTools;
        this.answersTool = answersTool;
    }

    /**
     * What was chosen, oldest first, with its tokens; {@code complete} when nothing older than the chosen messages was
     * left out (every candidate fitted, and the candidates did not start with tool results whose call is older).
     */
    public record Selection<M>(List<M> messages, int tokens, boolean complete) {
    }

    /**
     * Chooses among {@code newestFirst} (the conversation's latest messages, newest first) at most {@code maxMessages}
     * messages of at most {@code maxTokens} tokens together.
     *
     * @param exhaustive whether the candidates are all of the messages there are to choose from (none older exist)
     */
    public Selection<M> select(List<M> newestFirst, int maxTokens, int maxMessages, boolean exhaustive) {
        List<M> chosen = new ArrayList<>();
        int used = 0;
        int next = 0;
        while (next < newestFirst.size()) {
            int end = unitEnd(newestFirst, next);
            if (end < 0) {
                break;
            }
            List<M> unit = newestFirst.subList(next, end);
            int unitTokens = unit.stream().mapToInt(tokens).sum();
            if (used + unitTokens > maxTokens || chosen.size() + unit.size() > maxMessages) {
                break;
            }
            chosen.addAll(unit);
            used += unitTokens;
            next = end;
        }
        Collections.reverse(chosen);
        return new Selection<>(List.copyOf(chosen), used, exhaustive && next == newestFirst.size());
    }

    /**
     * The end (exclusive) of the unit starting at {@code start}: a message on its own, or tool results up to and
     * including the call they answer; -1 when the call is not among the candidates.
     */
    private int unitEnd(List<M> newestFirst, int start) {
        int at = start;
        while (at < newestFirst.size() && answersTool.test(newestFirst.get(at))) {
            at++;
        }
        if (at == start) {
            return start + 1;
        }
        return at < newestFirst.size() && callsTools.test(newestFirst.get(at)) ? at + 1 : -1;
    }
}
