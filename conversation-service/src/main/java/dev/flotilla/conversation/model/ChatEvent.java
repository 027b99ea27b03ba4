package dev.flotilla.conversation.model;

/**
 * What a streamed answer tells, in order: {@link Started} once, then {@link ContentDelta}s as the
 * model writes, each tool call once it is whole ({@link ToolCallReady}), the reason each choice
 * ended ({@link Finished}), and the {@link UsageReport} last.
 */
public sealed interface ChatEvent {

    /** The answer's id and the model that writes it. */
    record Started(String id, String model) implements ChatEvent {
    }

    /** Text the model added to the choice's answer. */
    record ContentDelta(int choice, String content) implements ChatEvent {
    }

    /** A tool call of the choice, assembled from its fragments: id, function name, the whole arguments. */
    record ToolCallReady(int choice, int index, ToolCall call) implements ChatEvent {
    }

    /** Why the choice's answer ended: {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter}. */
    record Finished(int choice, String reason) implements ChatEvent {
    }

    /** The tokens of the whole call. */
    record UsageReport(Usage usage) implements ChatEvent {
    }
}
