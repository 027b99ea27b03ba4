package dev.flotilla.common.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flotilla.common.correlation.RequestIds;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.identity.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How a service asks policy-service whether the caller may do something. The call carries the
 * caller's token, which must have the role {@code service} or {@code admin}; the tenant is the
 * token's. Answers:
 * <ul>
 * <li>are cached per tenant and question for {@code flotilla.policy-client.cache-ttl} (5 s) — only
 * decisions of policy-service, never fail-closed answers;</li>
 * <li><b>fail closed</b>: when policy-service is down, failing, slower than the timeout or its
 * circuit breaker is open, the answer is a denial with {@link PolicyAnswer#fromFallback()}
 * and the reason {@value PolicyAnswer#UNAVAILABLE_REASON}; {@link #check} never fails.</li>
 * </ul>
 * Use {@link #require} in a service method to stop with a problem response, {@link #check} to
 * branch (e.g. to hide what may not be seen), {@link #checkAll} for many questions at once.
 * <p>
 * The bean, its cache and its REST client are created on first use, so a service that never
 * injects it pays nothing for it.
 */
@ApplicationScoped
public class PolicyClient {

    /** Most questions policy-service answers in one batch call; {@link #checkAll} splits longer lists. */
    public static final int MAX_BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(PolicyClient.class);

    private final PolicyTransport transport;
    private final Caller caller;
    /** Null when the cache is turned off. */
    private final Cache<Key, PolicyAnswer> cache;

    PolicyClient(PolicyTransport transport, Caller caller, PolicyClientConfig config) {
        this.transport = transport;
        this.caller = caller;
        this.cache = config.cacheTtl().isZero() || config.cacheTtl().isNegative() ? null
                : Caffeine.newBuilder()
                        .expireAfterWrite(config.cacheTtl())
                        .maximumSize(config.cacheMaxEntries())
                        .build();
    }

    /**
     * policy-service's answer to {@code question}, asked with the caller's token; from the cache
     * when the same tenant asked the same question within the TTL. Never fails: when there is no
     * decision the answer is a denial ({@link PolicyAnswer.Basis#UNAVAILABLE} or
     * {@link PolicyAnswer.Basis#REJECTED}).
     */
    public Uni<PolicyAnswer> check(PolicyQuestion question) {
        Objects.requireNonNull(question, "question");
        Asker asker = asker();
        if (asker == null) {
            return Uni.createFrom().item(noToken());
        }
        Key key = new Key(asker.tenant(), question);
        PolicyAnswer cached = cache == null ? null : cache.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return Uni.createFrom()
                .deferred(() -> transport.decide(asker.authorization(), asker.requestId(), PolicyApi.Question.of(question)))
                .map(outcome -> remember(key, answer(outcome)))
                .onFailure().recoverWithItem(PolicyClient::fallback);
    }

    /**
     * Completes when policy-service allows {@code question}; otherwise fails with a
     * {@link ProblemException}: {@link ProblemType#FORBIDDEN} (403) when the policies deny,
     * {@link ProblemType#SERVICE_UNAVAILABLE} (503) when policy-service cannot be asked, and
     * {@link ProblemType#INTERNAL} (500) when it refuses the question (see {@link PolicyAnswer.Basis#REJECTED}).
     */
    public Uni<Void> require(PolicyQuestion question) {
        return check(question).invoke(answer -> {
            if (!answer.allowed()) {
                throw refusal(question, answer);
            }
        }).replaceWithVoid();
    }

    /**
     * The answers to {@code questions}, in their order: cached ones from the cache, the others from
     * {@code POST /api/v1/decisions/batch} in calls of at most {@value #MAX_BATCH}. Never fails;
     * the questions of a call that fails get fail-closed answers.
     */
    public Uni<List<PolicyAnswer>> checkAll(List<PolicyQuestion> questions) {
        List<PolicyQuestion> asked = List.copyOf(questions);
        if (asked.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Asker asker = asker();
        if (asker == null) {
            PolicyAnswer rejected = noToken();
            return Uni.createFrom().item(asked.stream().map(q -> rejected).toList());
        }
        PolicyAnswer[] answers = new PolicyAnswer[asked.size()];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            answers[i] = cache == null ? null : cache.getIfPresent(new Key(asker.tenant(), asked.get(i)));
            if (answers[i] == null) {
                open.add(i);
            }
        }
        List<List<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < open.size(); from += MAX_BATCH) {
            batches.add(open.subList(from, Math.min(from + MAX_BATCH, open.size())));
        }
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> askBatch(asker, asked, batch, answers))
                .collect().last()
                .map(ignored -> Arrays.asList(answers))
                .map(List::copyOf);
    }

    /** Fills in {@code answers} at the positions {@code batch} names, from one batch call. */
    private Uni<Void> askBatch(Asker asker, List<PolicyQuestion> asked, List<Integer> batch, PolicyAnswer[] answers) {
        List<PolicyApi.Question> body = batch.stream().map(i -> PolicyApi.Question.of(asked.get(i))).toList();
        return Uni.createFrom()
                .deferred(() -> transport.decideAll(asker.authorization(), asker.requestId(), new PolicyApi.Batch(body)))
                .invoke(outcomes -> {
                    if (outcomes == null || outcomes.results() == null || outcomes.results().size() != batch.size()) {
                        throw new IllegalStateException("policy-service answered a batch of " + batch.size() + " with "
                                + (outcomes == null || outcomes.results() == null ? "nothing"
                                        : outcomes.results().size() + " results"));
                    }
                    for (int j = 0; j < batch.size(); j++) {
                        int i = batch.get(j);
                        answers[i] = remember(new Key(asker.tenant(), asked.get(i)), answer(outcomes.results().get(j)));
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    PolicyAnswer fallback = fallback(failure);
                    batch.forEach(i -> answers[i] = fallback);
                    return null;
                });
    }

    private PolicyAnswer remember(Key key, PolicyAnswer answer) {
        if (cache != null) {
            cache.put(key, answer);
        }
        return answer;
    }

    private static PolicyAnswer answer(PolicyApi.Outcome outcome) {
        if (outcome == null || outcome.decision() == null) {
            throw new IllegalStateException("policy-service answered without a decision");
        }
        // Anything but an explicit ALLOW denies.
        return new PolicyAnswer("ALLOW".equals(outcome.decision()), outcome.matchedRules(), outcome.reasons(),
                PolicyAnswer.Basis.DECISION);
    }

    private static PolicyAnswer fallback(Throwable failure) {
        if (failure instanceof PolicyRefusal refusal) {
            LOG.errorf("policy-service refused to answer (HTTP %d); denying. Questions must be asked with a token"
                    + " of the role service or admin, and be valid", refusal.status());
            return PolicyAnswer.rejected("policy-service refused the question (HTTP " + refusal.status() + ")");
        }
        if (failure instanceof CircuitBreakerOpenException) {
            LOG.debug("policy-service circuit breaker open; denying");
        } else {
            LOG.warnf("policy-service unavailable, denying: %s", failure.toString());
        }
        return PolicyAnswer.unavailable();
    }

    private static PolicyAnswer noToken() {
        LOG.error("A policy question was asked without a caller token (outside a request, or anonymously); denying");
        return PolicyAnswer.rejected("no token to ask policy-service with");
    }

    private static ProblemException refusal(PolicyQuestion question, PolicyAnswer answer) {
        return switch (answer.basis()) {
            case DECISION -> {
                LOG.debugf("policy denies %s on %s %s: %s", question.action(), question.resourceType(), question.resourceId(),
                        answer.reasons());
                // The caller learns which policies refused, not their rules' conditions.
                List<String> denying = answer.matchedRules().stream().filter(rule -> "deny".equalsIgnoreCase(rule.effect()))
                        .map(PolicyAnswer.MatchedRule::policy).distinct().toList();
                yield new ProblemException(ProblemType.FORBIDDEN,
                        "The policies in force do not allow '" + question.action() + "' on this " + question.resourceType()
                                + (denying.isEmpty() ? " (no rule allows it)"
                                        : ": denied by policy "
                                                + String.join(", ", denying.stream().map(name -> "'" + name + "'").toList())));
            }
            case UNAVAILABLE -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "Authorization cannot be checked at the moment; try again shortly");
            case REJECTED -> new ProblemException(ProblemType.INTERNAL,
                    "The service failed to check authorization; quote the request id when reporting it");
        };
    }

    /**
     * Who asks, captured while the caller's request is current: the tenant (cache key), the token
     * that carries the same tenant to policy-service, and the request id. Null without a token.
     */
    private Asker asker() {
        try {
            String token = caller.rawToken();
            if (token == null || token.isBlank()) {
                return null;
            }
            return new Asker(caller.tenant(), "Bearer " + token, RequestIds.current());
        } catch (RuntimeException e) {
            // No request context, or a token without a valid tenant.
            LOG.debugf("No caller to ask policy-service for: %s", e.toString());
            return null;
        }
    }

    private record Asker(UUID tenant, String authorization, String requestId) {
    }

    private record Key(UUID tenant, PolicyQuestion question) {
    }
}
