package dev.flotilla.conversation.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the chunks of one streamed answer into {@link ChatEvent}s. Tool calls arrive in fragments
 * keyed by their index within the choice (the first with id and name, the rest adding to the
 * arguments); each is told once, whole, when its choice finishes, or when the stream ends.
 */
final class StreamAssembler {

    private final Map<Integer, Map<Integer, PendingCall>> pending = new TreeMap<>();
    private boolean started;

    List<ChatEvent> accept(ChatCompletionChunk chunk) {
        List<ChatEvent> events = new ArrayList<>();
        if (!started) {
            started = true;
            events.add(new ChatEvent.Started(chunk.id(), chunk.model()));
        }
        if (chunk.choices() != null) {
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                accept(choice, events);
            }
        }
        if (chunk.usage() != null) {
            events.add(new ChatEvent.UsageReport(chunk.usage()));
        }
        return events;
    }

    /** The tool calls of choices that never said why they ended. */
    List<ChatEvent> finish() {
        List<ChatEvent> events = new ArrayList<>();
        for (Integer choice : List.copyOf(pending.keySet())) {
            flush(choice, events);
        }
        return events;
    }

    private void accept(ChatCompletionChunk.Choice choice, List<ChatEvent> events) {
        ChatCompletionChunk.Delta delta = choice.delta();
        if (delta != null) {
            if (delta.content() != null && !delta.content().isEmpty()) {
                events.add(new ChatEvent.ContentDelta(choice.index(), delta.content()));
            }
            if (delta.toolCalls() != null) {
                for (ChatCompletionChunk.ToolCallFragment fragment : delta.toolCalls()) {
                    add(choice.index(), fragment);
                }
            }
        }
        if (choice.finishReason() != null) {
            flush(choice.index(), events);
            events.add(new ChatEvent.Finished(choice.index(), choice.finishReason()));
        }
    }

    private void add(int choice, ChatCompletionChunk.ToolCallFragment fragment) {
        Map<Integer, PendingCall> calls = pending.computeIfAbsent(choice, c -> new TreeMap<>());
        // Servers that send each call whole in one fragment may leave out the index.
        int index = fragment.index() != null ? fragment.index() : calls.size();
        PendingCall call = calls.computeIfAbsent(index, i -> new PendingCall());
        if (fragment.id() != null) {
            call.id = fragment.id();
        }
        if (fragment.type() != null) {
            call.type = fragment.type();
        }
        if (fragment.function() != null) {
            if (fragment.function().name() != null) {
                call.name.append(fragment.function().name());
            }
            if (fragment.function().arguments() != null) {
                call.arguments.append(fragment.function().arguments());
            }
        }
    }

    private void flush(int choice, List<ChatEvent> events) {
        Map<Integer, PendingCall> calls = pending.remove(choice);
        if (calls == null) {
            return;
        }
        calls.forEach((index, call) -> events.add(new ChatEvent.ToolCallReady(choice, index,
                new ToolCall(call.id, call.type, new ToolCall.Function(call.name.toString(), call.arguments.toString())))));
    }

    private static final class PendingCall {
        private String id;
        private String type = "function";
        private final StringBuilder name = new StringBuilder();
        private final StringBuilder arguments = new StringBuilder();
    }
}
