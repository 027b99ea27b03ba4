package dev.flotilla.conversation.model;

import dev.flotilla.common.correlation.RequestIds;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.util.TypeLiteral;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One configured provider: where it is, how it is authenticated, its models, and one attempt at a
 * call over Vert.x's HTTP client under its own circuit breaker. An attempt is done once the whole
 * answer arrived (non-streamed), or once the first bytes of the stream arrived: only then is the
 * provider known to answer, so the breaker and the retries of {@link ModelClient} look at exactly
 * that, and nothing already handed to the caller is ever asked for again.
 */
final class ModelProvider {

    private static final Logger LOG = Logger.getLogger(ModelProvider.class);
    private static final TypeLiteral<Uni<ChatCompletion>> COMPLETION = new TypeLiteral<>() {
    };
    private static final TypeLiteral<Uni<OpenStream>> STREAM = new TypeLiteral<>() {
    };

    /** Settings of one provider, with the shared defaults filled in. */
    record Settings(
            String name,
            String baseUrl,
            String apiKey,
            String apiKeyHeader,
            String model,
            List<String> models,
            Duration connectTimeout,
            Duration firstByteTimeout,
            Duration idleTimeout,
            int maxRetries,
            Duration retryBackoff,
            Duration maxRetryAfter,
            int breakerVolume,
            double breakerFailureRatio,
            Duration breakerDelay) {

        @Override
        public String toString() {
            // Never the key.
            return "provider " + name + " at " + baseUrl;
        }
    }

    private final Settings settings;
    private final String endpoint;
    private final Vertx vertx;
    private final HttpClient http;
    private final Guard guard;

    ModelProvider(Settings settings, Vertx vertx) {
        this.settings = settings;
        this.endpoint = endpoint(settings.baseUrl());
        this.vertx = vertx;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(64));
        this.guard = Guard.create()
                .withDescription("model provider " + settings.name())
                .withCircuitBreaker()
                .name("model-provider-" + settings.name())
                .requestVolumeThreshold(settings.breakerVolume())
                .failureRatio(settings.breakerFailureRatio())
                .delay(settings.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .when(ModelProvider::countsAgainstTheProvider)
                .onStateChange(this::logBreaker)
                .done()
                .withThreadOffload(false)
                .build();
    }

    Settings settings() {
        return settings;
    }

    String name() {
        return settings.name();
    }

    /** {@code {base}/chat/completions}, keeping a query of the base URL (Azure's {@code api-version}). */
    static String endpoint(String baseUrl) {
        int query = baseUrl.indexOf('?');
        String path = query < 0 ? baseUrl : baseUrl.substring(0, query);
        String rest = query < 0 ? "" : baseUrl.substring(query);
        return (path.endsWith("/") ? path : path + "/") + "chat/completions" + rest;
    }

    /**
     * The request of a call now under way, to be reset when the caller cancels. The breaker does not
     * pass a cancellation on to the attempt it guards, so the call holds its request itself.
     */
    static final class InFlight {

        private HttpClientRequest request;
        private boolean cancelled;

        synchronized void track(HttpClientRequest next) {
            request = next;
            if (cancelled) {
                next.reset();
            }
        }

        synchronized void cancel() {
            cancelled = true;
            if (request != null) {
                request.reset();
            }
        }
    }

    /** One non-streamed attempt: the whole answer within the first-byte timeout. */
    Uni<ChatCompletion> complete(byte[] body, InFlight call) {
        return guard.get(() -> completeOnce(body, call), COMPLETION);
    }

    /** One streamed attempt, done when the first bytes of the answer's body arrived. */
    Uni<OpenStream> open(byte[] body, InFlight call) {
        return guard.get(() -> openOnce(body, call), STREAM);
    }

    private Uni<ChatCompletion> completeOnce(byte[] body, InFlight call) {
        return Uni.createFrom().emitter(emitter -> {
            Attempt<ChatCompletion> attempt = new Attempt<>(emitter, "did not answer");
            send(body, false, attempt.sent, call, sending -> sending
                    .compose(response -> response.body().map(answer -> {
                        if (response.statusCode() / 100 != 2) {
                            throw failure(response, answer);
                        }
                        return Wire.completion(answer.getBytes());
                    }))
                    .onComplete(result -> {
                        if (result.succeeded()) {
                            attempt.succeed(result::result);
                        } else {
                            attempt.fail(result.cause());
                        }
                    }));
        });
    }

    private Uni<OpenStream> openOnce(byte[] body, InFlight call) {
        return Uni.createFrom().emitter(emitter -> {
            Attempt<OpenStream> attempt = new Attempt<>(emitter, "sent no answer");
            send(body, true, attempt.sent, call, sending -> sending.onComplete(result -> {
                if (result.failed()) {
                    attempt.fail(result.cause());
                    return;
                }
                HttpClientResponse response = result.result();
                if (response.statusCode() / 100 != 2) {
                    response.body().onComplete(answer -> attempt
                            .fail(answer.succeeded() ? failure(response, answer.result()) : answer.cause()));
                    return;
                }
                AtomicReference<OpenStream> open = new AtomicReference<>();
                response.handler(piece -> {
                    if (open.get() != null) {
                        open.get().piece(piece);
                    } else {
                        attempt.succeed(() -> {
                            open.set(new OpenStream(attempt.sent.get(), piece, vertx, settings.idleTimeout(),
                                    settings.name()));
                            return open.get();
                        });
                    }
                });
                response.endHandler(end -> {
                    if (open.get() != null) {
                        open.get().end();
                    } else {
                        attempt.fail(new UpstreamFailure.BadAnswer("the stream ended before its first event"));
                    }
                });
                response.exceptionHandler(failure -> {
                    if (open.get() != null) {
                        open.get().fail(failure);
                    } else {
                        attempt.fail(failure);
                    }
                });
            }));
        });
    }

    /**
     * One attempt's end, whichever comes first: its answer, its failure, the first-byte timeout, or
     * the caller leaving (which resets the request, so the provider stops).
     */
    private final class Attempt<T> {

        final AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        private final AtomicBoolean done = new AtomicBoolean();
        private final UniEmitter<? super T> emitter;
        private final long timer;

        Attempt(UniEmitter<? super T> emitter, String silence) {
            this.emitter = emitter;
            this.timer = vertx.setTimer(settings.firstByteTimeout().toMillis(), id -> {
                if (done.compareAndSet(false, true)) {
                    reset(sent.get());
                    emitter.fail(new UpstreamFailure.Timeout(settings.name() + " " + silence + " within "
                            + settings.firstByteTimeout().toSeconds() + " s"));
                }
            });
            emitter.onTermination(() -> {
                vertx.cancelTimer(timer);
                if (done.compareAndSet(false, true)) {
                    reset(sent.get());
                }
            });
        }

        /** Ends the attempt with the item made by {@code answer}, unless it ended already. */
        void succeed(Supplier<T> answer) {
            if (done.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                emitter.complete(answer.get());
            }
        }

        void fail(Throwable failure) {
            if (done.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                emitter.fail(failure);
            }
        }
    }

    /**
     * The body of an opened stream, piece by piece, with the idle timeout between pieces. Cancelling
     * resets the request, which closes the connection to the provider, so the model stops.
     */
    Multi<Buffer> body(OpenStream stream) {
        return Multi.createFrom().<Buffer> emitter(stream::attach, BackPressureStrategy.BUFFER);
    }

    /**
     * Sends the request from a Vert.x context and lets {@code then} attach its handlers in the same
     * task: the response's events reach that context only after the task, so none is missed.
     */
    private void send(byte[] body, boolean stream, AtomicReference<HttpClientRequest> sent, InFlight call,
            Consumer<Future<HttpClientResponse>> then) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(endpoint)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, stream ? "text/event-stream" : "application/json");
        if (settings.apiKey() != null) {
            if ("authorization".equalsIgnoreCase(settings.apiKeyHeader())) {
                options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey());
            } else {
                options.putHeader(settings.apiKeyHeader(), settings.apiKey());
            }
        }
        String requestId = RequestIds.current();
        if (requestId != null) {
            options.putHeader(RequestIds.HEADER, requestId);
        }
        vertx.getOrCreateContext().runOnContext(ignored -> then.accept(http.request(options).compose(request -> {
            sent.set(request);
            call.track(request);
            return request.send(Buffer.buffer(body));
        })));
    }

    private UpstreamFailure.Status failure(HttpClientResponse response, Buffer answer) {
        return new UpstreamFailure.Status(response.statusCode(), response.getHeader(HttpHeaders.RETRY_AFTER),
                Wire.errorMessage(answer.getBytes()));
    }

    private static void reset(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    /** A refusal of the request itself says nothing about the provider's health. */
    private static boolean countsAgainstTheProvider(Throwable failure) {
        return !(failure instanceof UpstreamFailure.Status status) || status.transientFailure();
    }

    private void logBreaker(CircuitBreakerState state) {
        switch (state) {
            case OPEN -> LOG.warnf("Model provider %s failed repeatedly: calls to it fail at once for %d s",
                    settings.name(), settings.breakerDelay().toSeconds());
            case CLOSED -> LOG.infof("Model provider %s answers again", settings.name());
            default -> LOG.debugf("Model provider %s: circuit breaker %s", settings.name(), state);
        }
    }
}
