package dev.flotilla.conversation.model;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Calls a model through the OpenAI Chat Completions wire format, which OpenAI, Azure OpenAI,
 * Ollama, vLLM, LM Studio and llama.cpp's server all speak. A call is retried on 429, 5xx and
 * failed connections, after the provider's {@code Retry-After} or an exponential back-off, but
 * only until the first bytes of its answer arrived; every failure becomes a problem naming the
 * provider (503, 502 or 400). Answers arrive on the caller's Vert.x context, where database work
 * may follow.
 */
@ApplicationScoped
public class ModelClient {

    private static final Logger LOG = Logger.getLogger(ModelClient.class);

    private final ModelProviders providers;
    private final Clock clock;

    ModelClient(ModelProviders providers, Clock clock) {
        this.providers = providers;
        this.clock = clock;
    }

    /** A whole answer. {@code provider} may be null: the one listing the request's model, or the default. */
    public Uni<ChatCompletion> complete(String provider, ChatRequest request) {
        Executor caller = callerContext();
        return Uni.createFrom().deferred(() -> {
            ModelProvider chosen = providers.choose(provider, request.model());
            byte[] body = Wire.requestBody(request, modelOf(chosen, request), false);
            ModelProvider.InFlight call = new ModelProvider.InFlight();
            return withRetries(chosen, () -> chosen.complete(body, call), 0)
                    .onFailure().transform(failure -> problem(chosen, failure))
                    .onCancellation().invoke(call::cancel);
        }).emitOn(caller);
    }

    /**
     * A streamed answer as {@link ChatEvent}s. Cancelling the subscription (a client that went
     * away) closes the connection to the provider.
     */
    public Multi<ChatEvent> stream(String provider, ChatRequest request) {
        Executor caller = callerContext();
        return Multi.createFrom().deferred(() -> {
            ModelProvider chosen = providers.choose(provider, request.model());
            byte[] body = Wire.requestBody(request, modelOf(chosen, request), true);
            SseEvents sse = new SseEvents();
            StreamAssembler assembler = new StreamAssembler();
            Done done = new Done();
            ModelProvider.InFlight call = new ModelProvider.InFlight();
            return withRetries(chosen, () -> chosen.open(body, call), 0)
                    .onFailure().transform(failure -> problem(chosen, failure))
                    .onItem().transformToMulti(opened -> chosen.body(opened)
                            .onFailure().transform(failure -> midStream(chosen, failure)))
                    .onItem().transformToIterable((Buffer piece) -> events(sse.feed(piece.getBytes()), assembler, done))
                    .onCompletion().switchTo(() -> Multi.createFrom().iterable(finish(sse, assembler, done)))
                    .onFailure(UpstreamFailure.BadAnswer.class).transform(failure -> problem(chosen, failure))
                    .onCancellation().invoke(call::cancel);
        }).emitOn(caller);
    }

    /** The configured providers and their models. */
    public ModelListing models() {
        return new ModelListing(providers.listing());
    }

    private static String modelOf(ModelProvider provider, ChatRequest request) {
        if (request.model() != null) {
            return request.model();
        }
        if (provider.settings().model() == null) {
            throw new BadRequest("model", "model provider '" + provider.name() + "' has no model configured; name one");
        }
        return provider.settings().model();
    }

    private <T> Uni<T> withRetries(ModelProvider provider, Supplier<Uni<T>> attempt, int retries) {
        return attempt.get().onFailure().recoverWithUni(failure -> {
            Optional<Duration> wait = retryDelay(provider.settings(), failure, retries);
            if (wait.isEmpty()) {
                return Uni.createFrom().failure(failure);
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(wait.get())
                    .chain(() -> withRetries(provider, attempt, retries + 1));
        });
    }

    /** How long to wait before the next attempt; empty when there is none. */
    private Optional<Duration> retryDelay(ModelProvider.Settings settings, Throwable failure, int retries) {
        if (retries >= settings.maxRetries()) {
            return Optional.empty();
        }
        if (failure instanceof UpstreamFailure.Status status) {
            if (!status.transientFailure()) {
                return Optional.empty();
            }
            Optional<Duration> asked = RetryAfter.parse(status.retryAfter(), clock.instant());
            if (asked.isPresent()) {
                // A provider that asks for more than we may wait is not waited for: the caller hears at once.
                return asked.get().compareTo(settings.maxRetryAfter()) <= 0 ? asked : Optional.empty();
            }
            return Optional.of(backoff(settings, retries));
        }
        if (failure instanceof UpstreamFailure || failure instanceof CircuitBreakerOpenException
                || failure instanceof ProblemException) {
            return Optional.empty();
        }
        // A connection refused, reset or closed before the answer.
        return Optional.of(backoff(settings, retries));
    }

    private static Duration backoff(ModelProvider.Settings settings, int retries) {
        long base = settings.retryBackoff().toMillis() << Math.min(retries, 16);
        // Up to a fifth more, so that callers failed together do not come back together.
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 5 + 1));
    }

    private List<ChatEvent> events(List<String> data, StreamAssembler assembler, Done done) {
        List<ChatEvent> events = new ArrayList<>();
        for (String event : data) {
            if (done.seen) {
                continue;
            }
            if ("[DONE]".equals(event.strip())) {
                // The rest of the body is read to its end, so the connection can be reused.
                done.seen = true;
                continue;
            }
            ChatCompletionChunk chunk = Wire.chunk(event);
            if (chunk.error() != null) {
                throw new UpstreamFailure.BadAnswer(chunk.error().message());
            }
            events.addAll(assembler.accept(chunk));
        }
        return events;
    }

    private List<ChatEvent> finish(SseEvents sse, StreamAssembler assembler, Done done) {
        List<ChatEvent> events = new ArrayList<>(events(sse.finish(), assembler, done));
        events.addAll(assembler.finish());
        return events;
    }

    private RuntimeException problem(ModelProvider provider, Throwable failure) {
        String name = provider.name();
        Duration retryAfter = provider.settings().breakerDelay();
        if (failure instanceof ProblemException || failure instanceof ModelProviderFault) {
            return (RuntimeException) failure;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new ModelUnavailable(name, "model provider '" + name
                    + "' is unavailable: it failed repeatedly, calls to it are paused", retryAfter);
        }
        if (failure instanceof UpstreamFailure.Status status) {
            String says = "model provider '" + name + "' answered " + status.status() + ": " + status.getMessage();
            if (status.transientFailure()) {
                Duration wait = RetryAfter.parse(status.retryAfter(), clock.instant())
                        .orElse(provider.settings().retryBackoff());
                return new ModelUnavailable(name, says, wait);
            }
            if (status.status() == 400 || status.status() == 413 || status.status() == 422) {
                return new ModelRefused(name, says);
            }
            return new ModelProviderFault(name, says);
        }
        if (failure instanceof UpstreamFailure.Timeout) {
            return new ModelUnavailable(name, "model provider '" + name + "' is unavailable: " + failure.getMessage(),
                    provider.settings().retryBackoff());
        }
        if (failure instanceof UpstreamFailure.BadAnswer) {
            return new ModelProviderFault(name, "model provider '" + name + "' failed: " + failure.getMessage());
        }
        // The cause names addresses of ours: logged, not told.
        LOG.debugf(failure, "Model provider %s cannot be reached", name);
        return new ModelUnavailable(name, "model provider '" + name + "' cannot be reached",
                provider.settings().retryBackoff());
    }

    /** A failure after part of the answer was handed on: never retried, as that part cannot be taken back. */
    private RuntimeException midStream(ModelProvider provider, Throwable failure) {
        if (failure instanceof UpstreamFailure.BadAnswer) {
            return problem(provider, failure);
        }
        String name = provider.name();
        return new ModelUnavailable(name, "model provider '" + name + "' stopped mid-answer: " + describe(failure),
                provider.settings().retryBackoff());
    }

    private static String describe(Throwable failure) {
        if (failure instanceof UpstreamFailure) {
            return failure.getMessage();
        }
        LOG.debugf(failure, "A model stream broke off");
        return "the connection broke";
    }

    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }

    /** Whether the stream said {@code [DONE]}; what follows it is read but not told. */
    private static final class Done {
        private boolean seen;
    }
}
