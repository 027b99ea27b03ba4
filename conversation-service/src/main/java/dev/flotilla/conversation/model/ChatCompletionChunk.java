package dev.flotilla.conversation.model;

import java.util.List;

/**
 * One {@code data:} event of a streamed answer ({@code object} {@code chat.completion.chunk}). The
 * last chunk of a stream asked with {@code include_usage} has no choices and the usage.
 */
record ChatCompletionChunk(String id, String model, List<Choice> choices, Usage usage, ProviderError error) {

    record Choice(int index, Delta delta, String finishReason) {
    }

    record Delta(String role, String content, List<ToolCallFragment> toolCalls) {
    }

    /** A piece of a tool call: the first names its id and function, the next ones add to its arguments. */
    record ToolCallFragment(Integer index, String id, String type, FunctionFragment function) {
    }

    record FunctionFragment(String name, String arguments) {
    }
}
