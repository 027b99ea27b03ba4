package dev.flotilla.conversation.memory;

import dev.flotilla.common.db.Db;
import dev.flotilla.conversation.conversation.Conversation;
import dev.flotilla.conversation.tokens.TokenCounter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A conversation's summarising memory: the summary of its older messages, and the requests to write it, one per
 * conversation at most, which {@link SummaryJob} works.
 */
@ApplicationScoped
public class MemoryService {

    private final Db db;
    private final TokenCounter tokens;
    private final MemoryConfig config;
    private final Clock clock;

    MemoryService(Db db, TokenCounter tokens, MemoryConfig config, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    /** The conversation's summary; null when it has none. */
    public Uni<Summary> summary(Conversation conversation) {
        return MemorySql.findSummary(db.pool(), conversation.tenant(), conversation.id());
    }

    /**
     * Asks for the conversation's summary to cover its messages before the place {@code summariseBefore}; a request
     * already waiting is kept as it is. Nothing is asked when summarising is off.
     */
    public Uni<Void> request(Conversation conversation, long summariseBefore) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return db.statement(pool -> MemorySql.request(pool, conversation.tenant(), conversation.id(), summariseBefore,
                now()));
    }

    /**
     * The tokens a context keeps free for a summary counted for {@code model}: the longest one the model is asked
     * for, with its heading and its framing as a message.
     */
    public int reservedTokens(String model) {
        return config.summaryMaxTokens() + tokens.count(model, Summary.message(""));
    }

    Uni<List<MemorySql.Job>> claim(Instant now, int limit, Instant leaseUntil) {
        return db.statement(pool -> MemorySql.claim(pool, now, limit, leaseUntil));
    }

    /**
     * Stores the summary and, in the same transaction, ends its job, or, when {@code continueAt} is given (more
     * messages wait to be summarised), makes it due again then.
     */
    Uni<Void> store(Summary summary, MemorySql.Job job, Instant continueAt) {
        return db.tx(tx -> MemorySql.storeSummary(tx, summary)
                .chain(() -> continueAt == null ? MemorySql.deleteJob(tx, job.tenant(), job.conversationId())
                        : MemorySql.postponeJob(tx, job.tenant(), job.conversationId(), continueAt, job.attempts(),
                                null)));
    }

    Uni<Void> postpone(MemorySql.Job job, Instant due, int attempts, String error) {
        return db.statement(pool -> MemorySql.postponeJob(pool, job.tenant(), job.conversationId(), due, attempts,
                error));
    }

    Uni<Void> forget(MemorySql.Job job) {
        return db.statement(pool -> MemorySql.deleteJob(pool, job.tenant(), job.conversationId()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
