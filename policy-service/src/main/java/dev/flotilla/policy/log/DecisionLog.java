package dev.flotilla.policy.log;

import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.policy.config.PolicyConfig;
import dev.flotilla.policy.evaluation.Decision;
import dev.flotilla.policy.evaluation.DecisionOutcome;
import dev.flotilla.policy.evaluation.DecisionRequest;
import dev.flotilla.policy.policy.PolicyDocuments;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The decision log. Decisions are sampled (by default every DENY, a tenth of the ALLOWs),
 * buffered in memory and written in batches off the request path, so logging adds no database
 * round trip to a decision. A full buffer drops entries and counts them
 * ({@code flotilla_policy_decision_log_dropped_total}) rather than slowing decisions down.
 */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);

    private final ConcurrentLinkedQueue<DecisionLogEntry> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private final DecisionLogRepository entries;
    private final PolicyDocuments documents;
    private final PolicyConfig.DecisionLog config;
    private final Counter dropped;
    private final Counter written;

    public DecisionLog(DecisionLogRepository entries, PolicyDocuments documents, PolicyConfig config, MeterRegistry registry) {
        this.entries = entries;
        this.documents = documents;
        this.config = config.decisionLog();
        this.dropped = Counter.builder("flotilla.policy.decision.log.dropped")
                .description("Sampled decisions not logged because the log buffer was full")
                .register(registry);
        this.written = Counter.builder("flotilla.policy.decision.log.written")
                .description("Decision-log entries written to the database")
                .register(registry);
    }

    /**
     * Offers a decision to the log; it is kept if sampled and if the buffer has room.
     * {@code versions} is kept, not copied: it must not change afterwards.
     */
    public void record(UUID tenant, DecisionRequest request, DecisionOutcome outcome, Map<String, Integer> versions, Instant at) {
        double rate = outcome.decision() == Decision.DENY ? config.denySampleRate() : config.allowSampleRate();
        if (rate <= 0 || (rate < 1 && ThreadLocalRandom.current().nextDouble() >= rate)) {
            return;
        }
        if (buffered.incrementAndGet() > config.bufferSize()) {
            buffered.decrementAndGet();
            dropped.increment();
            return;
        }
        DecisionLogEntry entry = new DecisionLogEntry();
        entry.id = Ids.next();
        entry.tenantId = tenant;
        entry.createdAt = at;
        entry.decision = outcome.decision().name();
        entry.subjectId = request.subject().id();
        entry.action = request.action();
        entry.resourceType = request.resource().type();
        entry.resourceId = request.resource().id();
        entry.input = documents.toJson(request);
        entry.result = documents.toJson(outcome);
        entry.policyVersions = Collections.unmodifiableMap(versions);
        entry.evaluationMicros = outcome.evaluationMicros();
        buffer.add(entry);
    }

    /** Writes what is buffered, in batches. */
    @Scheduled(every = "${flotilla.policy.decision-log.flush-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> flush() {
        List<DecisionLogEntry> batch = new ArrayList<>();
        DecisionLogEntry entry;
        while (batch.size() < config.batchSize() && (entry = buffer.poll()) != null) {
            batch.add(entry);
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        buffered.addAndGet(-batch.size());
        return entries.insertAll(batch)
                .invoke(() -> written.increment(batch.size()))
                .onFailure().invoke(e -> LOG.errorf(e, "Could not write %d decision-log entries", batch.size()))
                .onFailure().recoverWithNull()
                .chain(() -> buffer.isEmpty() ? Uni.createFrom().voidItem() : flush());
    }

    @WithSession
    public Uni<Page<DecisionLogView>> list(UUID tenant, DecisionLogFilter filter, PageParams page) {
        UUID before = page.after() == null ? null : page.after().id();
        return entries.page(tenant, filter, before, page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), e -> Cursor.of(e.id)).map(this::view));
    }

    @WithSession
    public Uni<List<DecisionLogEntry>> recent(UUID tenant, int limit) {
        return entries.recent(tenant, limit);
    }

    public DecisionRequest input(DecisionLogEntry entry) {
        return documents.fromJson(entry.input, DecisionRequest.class);
    }

    public DecisionLogView view(DecisionLogEntry entry) {
        Map<String, Integer> versions = new java.util.LinkedHashMap<>();
        entry.policyVersions.forEach((k, v) -> versions.put(k, ((Number) v).intValue()));
        return new DecisionLogView(entry.id, entry.createdAt, input(entry), documents.fromJson(entry.result, DecisionOutcome.class),
                versions, entry.evaluationMicros);
    }
}
