package dev.flotilla.conversation.retrieval;

import java.util.List;

/**
 * The passages found for a turn, numbered from 1 in the order given to the model, with their texts; or why none could
 * be looked for ({@code unavailable}), in which case the turn goes on without them and says so.
 */
public record Retrieved(List<Citation> citations, List<String> texts, String unavailable) {

    public static Retrieved none() {
        return new Retrieved(List.of(), List.of(), null);
    }

    static Retrieved skipped(String reason) {
        return new Retrieved(List.of(), List.of(), reason);
    }

    public boolean isEmpty() {
        return citations.isEmpty();
    }

    /**
     * The instruction and the numbered passages, as the model is given them: one block a system message can carry.
     */
    public String prompt() {
        StringBuilder prompt = new StringBuilder("Answer with the help of these numbered passages when they are relevant,"
                + " and cite each one you use as [n], its number.");
        for (int i = 0; i < citations.size(); i++) {
            Citation citation = citations.get(i);
            prompt.append("\n\n[").append(citation.index()).append("] ");
            if (citation.title() != null && !citation.title().isBlank()) {
                prompt.append(citation.title()).append('\n');
            }
            prompt.append(texts.get(i));
        }
        return prompt.toString();
    }
}
