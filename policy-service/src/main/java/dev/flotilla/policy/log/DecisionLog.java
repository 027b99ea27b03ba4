package dev.flotilla.policy.log;

import dev.flotilla.common.db.DatabaseOutage;
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
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;

/**
 * The decision log. Decisions are sampled (by default every DENY, a tenth of the ALLOWs),
 * buffered in memory and written in batches off the request path, so logging adds no database
 * round trip to a decision. A full buffer drops entries and counts them
 * ({@code flotilla_policy_decision_log_dropped_total}) rather than slowing decisions down.
 */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);

    private final ConcurrentLinkedQueue<PendingEntry> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private final DecisionLogRepository entries;
    private final PolicySetRepository policySets;
    private final PolicyDocuments documents;
    private final PolicyConfig.DecisionLog config;
    private final Counter dropped;
    private final Counter written;
    private final DatabaseOutage outage;

    DecisionLog(DecisionLogRepository entries, PolicySetRepository policySets, PolicyDocuments documents,
            PolicyConfig config, MeterRegistry registry, DatabaseOutage outage) {
        this.outage = outage;
        this.entries = entries;
        this.policySets = policySets;
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
    public void record(UUID tenant, DecisionRequest request, DecisionOutcome outcome, Map<String, Integer> versions,
            Instant at) {
        double rate = outcome.decision() == Decision.DENY ? config.denySampleRate() : config.allowSampleRate();
        if (rate <= 0 || (rate < 1 && ThreadLocalRandom.current().nextDouble() >= rate)) {
            return;
        }
        if (buffered.incrementAndGet() > config.bufferSize()) {
            buffered.decrementAndGet();
            dropped.increment();
            return;
        }
        buffer.add(new PendingEntry(Ids.next(), tenant, at, request, outcome, versions));
    }

    /** Writes what is buffered, in batches. */
    @Scheduled(every = "${flotilla.policy.decision-log.flush-interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> flush() {
        List<PendingEntry> batch = new ArrayList<>();
        PendingEntry entry;
        while (batch.size() < config.batchSize() && (entry = buffer.poll()) != null) {
            batch.add(entry);
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        buffered.addAndGet(-batch.size());
        return Uni.createFrom().item(() -> new EntryBatch(batch, documents))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .call(rows -> policySets.touchAll(rows.policySets, Instant.now()))
                .call(entries::insertAll)
                .invoke(rows -> written.increment(rows.size()))
                .onFailure().invoke(e -> outage.jobFailed(LOG, e, "Could not write " + batch.size() + " decision-log entries"))
                .onFailure().recoverWithNull()
                .chain(() -> buffer.isEmpty() ? Uni.createFrom().voidItem() : flush());
    }

    @WithSession
    public Uni<Page<DecisionLogView>> list(UUID tenant, DecisionLogFilter filter, PageParams page) {
        UUID before = page.after() == null ? null : page.after().id();
        return entries.page(tenant, filter, before, page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), e -> Cursor.of(e.id)))
                .chain(found -> {
                    Set<UUID> setIds = found.items().stream().map(e -> e.policySetId).filter(Objects::nonNull).collect(toSet());
                    return policySets.byIds(tenant, setIds).map(stored -> {
                        Map<UUID, Map<String, Object>> versions = stored.stream().collect(toMap(s -> s.id, s -> s.versions));
                        return found.map(e -> view(e, e.policySetId == null ? e.policyVersions : versions.get(e.policySetId)));
                    });
                });
    }

    @WithSession
    public Uni<List<DecisionLogEntry>> recent(UUID tenant, int limit) {
        return entries.recent(tenant, limit);
    }

    public DecisionRequest input(DecisionLogEntry entry) {
        return documents.fromJson(entry.input, DecisionRequest.class);
    }

    private DecisionLogView view(DecisionLogEntry entry, Map<String, Object> policyVersions) {
        Map<String, Integer> versions = new LinkedHashMap<>();
        if (policyVersions != null) {
            policyVersions.forEach((k, v) -> versions.put(k, ((Number) v).intValue()));
        }
        return new DecisionLogView(entry.id, entry.createdAt, input(entry),
                documents.fromJson(entry.result, DecisionOutcome.class),
                versions, entry.evaluationMicros);
    }
}
