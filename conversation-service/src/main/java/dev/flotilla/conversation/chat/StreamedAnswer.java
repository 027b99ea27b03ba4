package dev.flotilla.conversation.chat;

import dev.flotilla.conversation.model.ChatEvent;
import dev.flotilla.conversation.model.ToolCall;
import dev.flotilla.conversation.model.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** What a streamed answer has said so far, gathered from its events, so that it can be stored however it ends. */
final class StreamedAnswer {

    private final StringBuilder content = new StringBuilder();
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private final AtomicBoolean stored = new AtomicBoolean();
    private volatile boolean started;
    private String model;
    private String finishReason;
    private Usage usage;

    /** Only the first choice is asked for; events of others are ignored. */
    synchronized void take(ChatEvent event) {
        if (event instanceof ChatEvent.Started begun) {
            started = true;
            model = begun.model();
        } else if (event instanceof ChatEvent.ContentDelta delta && delta.choice() == 0) {
            content.append(delta.content());
        } else if (event instanceof ChatEvent.ToolCallReady ready && ready.choice() == 0) {
            toolCalls.add(ready.call());
        } else if (event instanceof ChatEvent.Finished finished && finished.choice() == 0) {
            finishReason = finished.reason();
        } else if (event instanceof ChatEvent.UsageReport report) {
            usage = report.usage();
        }
    }

    /** Whether the model began to answer (its first event arrived): from then on, what it said is kept. */
    boolean started() {
        return started;
    }

    /** True the first time only: the answer is stored once, whether it ended, failed or was cut. */
    boolean claimStorage() {
        return stored.compareAndSet(false, true);
    }

    synchronized Reply reply() {
        return new Reply(content.toString(), List.copyOf(toolCalls), model, finishReason, usage);
    }
}
