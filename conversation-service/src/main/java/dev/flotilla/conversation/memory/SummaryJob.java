package dev.flotilla.conversation.memory;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.conversation.conversation.Conversation;
import dev.flotilla.conversation.conversation.ConversationService;
import dev.flotilla.conversation.message.Message;
import dev.flotilla.conversation.message.MessageRole;
import dev.flotilla.conversation.message.MessageService;
import dev.flotilla.conversation.model.ChatCompletion;
import dev.flotilla.conversation.model.ChatMessage;
import dev.flotilla.conversation.model.ChatRequest;
import dev.flotilla.conversation.model.ModelClient;
import dev.flotilla.conversation.model.ToolCall;
import dev.flotilla.conversation.tokens.TokenCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * On every replica, every {@code interval}: writes the summaries conversations asked for. Each claimed request is
 * leased, so a conversation's summary is written by one replica at a time; its messages after the current summary and
 * before the place the request names are given to the conversation's model (its {@code aiProvider} and
 * {@code model}), with the current summary to fold in, and the new summary is stored with the request ended in one
 * transaction. A failed attempt makes the request due again after {@code retry-delay}, doubling with each further one,
 * until {@code max-attempts} are spent and it is given up. Outcomes are counted in
 * {@code flotilla_conversation_summaries_total{outcome="stored|failed|abandoned"}}.
 */
@ApplicationScoped
public class SummaryJob {

    /** The most messages one summary step takes; older backlogs are summarised over several steps. */
    static final int MESSAGES_PER_STEP = 200;

    static final String INSTRUCTION = """
            You keep the memory of a conversation between a user and an assistant. Summarise the conversation you \
            are given for the assistant's later use: keep the facts, names, figures, decisions, the user's goals and \
            preferences, the results of tools and the questions still open; leave out greetings and repetition. When \
            a summary so far is given, fold it in: your summary replaces it, so keep what still matters of it. Answer \
            with the summary alone, in plain prose.""";

    private static final Logger LOG = Logger.getLogger(SummaryJob.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final MemoryService memory;
    private final ConversationService conversations;
    private final MessageService messages;
    private final ModelClient models;
    private final TokenCounter tokens;
    private final MemoryConfig config;
    private final DatabaseOutage outage;
    private final Clock clock;
    private final Counter stored;
    private final Counter failed;
    private final Counter abandoned;

    SummaryJob(MemoryService memory, ConversationService conversations, MessageService messages, ModelClient models,
            TokenCounter tokens, MemoryConfig config, DatabaseOutage outage, Clock clock, MeterRegistry registry) {
        this.memory = memory;
        this.conversations = conversations;
        this.messages = messages;
        this.models = models;
        this.tokens = tokens;
        this.config = config;
        this.outage = outage;
        this.clock = clock;
        this.stored = outcome(registry, "stored");
        this.failed = outcome(registry, "failed");
        this.abandoned = outcome(registry, "abandoned");
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("flotilla.conversation.summaries").tag("outcome", outcome)
                .description("Attempts to write a conversation's summary, by outcome").register(registry);
    }

    @Scheduled(every = "${flotilla.conversation.memory.interval:2s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> summarise() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return runOnce()
                .onFailure().invoke(failure -> outage.jobFailed(LOG, failure, "Claiming summaries to write failed"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Claims the requests due now and works them one after another; answers how many were claimed. */
    public Uni<Integer> runOnce() {
        Instant now = clock.instant();
        return memory.claim(now, config.batch(), now.plus(config.lease()))
                .chain(jobs -> Multi.createFrom().iterable(jobs)
                        .onItem().transformToUniAndConcatenate(this::work)
                        .collect().last()
                        .replaceWith(jobs.size()));
    }

    /** Works one request; never fails (a failure is counted against the request and logged). */
    private Uni<Void> work(MemorySql.Job job) {
        return conversations.get(job.tenant(), job.conversationId(), null)
                .chain(conversation -> memory.summary(conversation).chain(previous -> messages.between(conversation,
                        previous == null ? 0 : previous.coversSeq(), job.summariseBefore(), MESSAGES_PER_STEP + 1)
                        .chain(older -> summarise(conversation, job, previous, older))))
                // A conversation deleted meanwhile needs no summary.
                .onFailure(NotFound.class).recoverWithUni(() -> memory.forget(job))
                .onFailure().recoverWithUni(failure -> failed(job, failure))
                .onFailure().invoke(failure -> outage.jobFailed(LOG, failure,
                        "Recording a failed summary of conversation " + job.conversationId() + " failed"))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> summarise(Conversation conversation, MemorySql.Job job, Summary previous, List<Message> older) {
        if (older.isEmpty()) {
            return memory.forget(job);
        }
        int end = stepEnd(older);
        List<Message> covered = older.subList(0, end);
        Message last = covered.get(covered.size() - 1);
        ChatRequest request = new ChatRequest(conversation.model(),
                List.of(ChatMessage.system(INSTRUCTION), ChatMessage.user(transcript(previous, covered))), null,
                config.summaryMaxTokens(), null, null);
        return models.complete(conversation.aiProvider(), request).chain(completion -> {
            String content = content(completion);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Summary summary = new Summary(conversation.tenant(), conversation.id(), content, last.seq(), last.id(),
                    tokens.count(conversation.model(), Summary.message(content)), completion.model(), now, now);
            return memory.store(summary, job, end < older.size() ? now : null).invoke(() -> stored.increment());
        });
    }

    /**
     * How many of {@code older} this step summarises: all, or as many as a step takes, ending before a message that
     * is not a tool's result, so a call and its results are summarised together.
     */
    private static int stepEnd(List<Message> older) {
        if (older.size() <= MESSAGES_PER_STEP) {
            return older.size();
        }
        int end = MESSAGES_PER_STEP;
        while (end > 1 && older.get(end).role() == MessageRole.TOOL) {
            end--;
        }
        return end;
    }

    private static String content(ChatCompletion completion) {
        ChatMessage answer = completion.choices() == null || completion.choices().isEmpty() ? null
                : completion.message();
        if (answer == null || answer.content() == null || answer.content().isBlank()) {
            throw new IllegalStateException("the model answered no summary");
        }
        return answer.content().strip();
    }

    /** The messages to summarise as one text, after the summary so far. */
    static String transcript(Summary previous, List<Message> covered) {
        StringBuilder text = new StringBuilder();
        if (previous != null) {
            text.append("Summary so far:\n").append(previous.content()).append("\n\n");
        }
        text.append("Conversation to summarise:\n");
        for (Message message : covered) {
            text.append(message.role().wire());
            if (message.toolCallId() != null) {
                text.append(" (result of call ").append(message.toolCallId()).append(')');
            }
            text.append(':');
            if (message.content() != null) {
                text.append(' ').append(message.content());
            }
            if (message.toolCalls() != null) {
                for (ToolCall call : message.toolCalls()) {
                    if (call.function() != null) {
                        text.append(" [call ").append(call.id()).append(": ").append(call.function().name())
                                .append(' ').append(call.function().arguments()).append(']');
                    }
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Counts the failed attempt: the request waits for the next, or is given up after the last. */
    private Uni<Void> failed(MemorySql.Job job, Throwable failure) {
        int attempts = job.attempts() + 1;
        String error = describe(failure);
        if (attempts >= config.maxAttempts()) {
            abandoned.increment();
            LOG.warnf("The summary of conversation %s (tenant %s) is given up after %d failed attempts; the last: %s",
                    job.conversationId(), job.tenant(), attempts, error);
            return memory.forget(job);
        }
        failed.increment();
        LOG.debugf("Summarising conversation %s failed (attempt %d): %s", job.conversationId(), attempts, error);
        Duration wait = config.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        return memory.postpone(job, clock.instant().plus(wait), attempts, error);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH);
    }
}
