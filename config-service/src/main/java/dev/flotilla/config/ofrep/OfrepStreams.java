package dev.flotilla.config.ofrep;

import dev.flotilla.common.error.NotFound;
import dev.flotilla.config.flag.FlagSetChanged;
import dev.flotilla.config.flag.FlagSnapshots;
import dev.flotilla.config.flag.FlagsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OFREP event streams open on this replica (protocol 0.3.0, ADR 0008): each follows one environment and
 * sends {@code refetchEvaluation}, with the environment's new version as event id and {@code etag}, when its
 * flags or the tenant's segments change, here or on any other replica (the changes' LISTEN/NOTIFY), and a
 * comment when it has been quiet for {@link FlagsConfig#streamKeepalive()}. A client that reconnects with the
 * {@code Last-Event-ID} of a version older than the current one is signalled at once. Open streams are
 * counted in {@code flotilla_config_flag_streams}.
 */
@ApplicationScoped
public class OfrepStreams {

    private static final Logger LOG = Logger.getLogger(OfrepStreams.class);

    /** One message of a stream: a signal, or a keep-alive comment when {@code signal} is null. */
    public record Message(long version, RefetchSignal signal) {

        public boolean isComment() {
            return signal == null;
        }
    }

    private final FlagSnapshots snapshots;
    private final StreamTokens tokens;
    private final Vertx vertx;
    private final long keepAliveMillis;
    private final Map<OfrepScope, Set<Stream>> open = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    public OfrepStreams(FlagSnapshots snapshots, StreamTokens tokens, Vertx vertx, FlagsConfig config,
            MeterRegistry registry) {
        this.snapshots = snapshots;
        this.tokens = tokens;
        this.vertx = vertx;
        this.keepAliveMillis = Math.max(1, config.streamKeepalive().toMillis());
        Gauge.builder("flotilla.config.flag.streams", count, AtomicInteger::get)
                .description("OFREP event streams open on this replica")
                .register(registry);
    }

    /**
     * The stream of the environment {@code channel} names (a 404 when it is not one of ours);
     * {@code lastEventId}: the version the client saw last, if it says.
     */
    Multi<Message> open(String channel, String lastEventId) {
        OfrepScope scope = tokens.verify(channel);
        if (scope == null) {
            throw new NotFound("event stream", channel == null ? "without a channel" : "of this channel");
        }
        Long lastSeen = lastSeen(lastEventId);
        return Multi.createFrom().deferred(() -> {
            Context current = Vertx.currentContext();
            Context context = current != null ? current : vertx.getOrCreateContext();
            return Multi.createFrom().<Message> emitter(emitter -> {
                Stream stream = new Stream(scope, context, emitter);
                add(stream);
                emitter.onTermination(() -> {
                    remove(stream);
                    stream.stop();
                });
                stream.start(lastSeen);
            });
        });
    }

    private static Long lastSeen(String lastEventId) {
        try {
            return lastEventId == null ? null : Long.valueOf(lastEventId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    void changed(@Observes FlagSetChanged change) {
        open.forEach((scope, streams) -> {
            boolean concerned = change.tenant() == null
                    || scope.tenant().equals(change.tenant())
                            && (change.environment() == null || scope.environment().equals(change.environment()));
            if (concerned) {
                streams.forEach(Stream::look);
            }
        });
    }

    private void add(Stream stream) {
        open.computeIfAbsent(stream.scope, key -> ConcurrentHashMap.newKeySet()).add(stream);
        count.incrementAndGet();
    }

    private void remove(Stream stream) {
        open.computeIfPresent(stream.scope, (key, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
        count.decrementAndGet();
    }

    /** One client's stream; its state is touched only on its request's context. */
    private final class Stream {
        private final OfrepScope scope;
        private final Context context;
        private final MultiEmitter<? super Message> emitter;
        private long sent = -1;
        private long lastWrite = System.currentTimeMillis();
        private long timer = -1;

        Stream(OfrepScope scope, Context context, MultiEmitter<? super Message> emitter) {
            this.scope = scope;
            this.context = context;
            this.emitter = emitter;
        }

        void start(Long lastSeen) {
            context.runOnContext(ignored -> {
                timer = context.owner().setPeriodic(keepAliveMillis, id -> keepAlive());
                snapshots.current(scope.tenant(), scope.environment(), 0).subscribe().with(set -> {
                    sent = set.version();
                    if (lastSeen != null && lastSeen != set.version()) {
                        emitter.emit(new Message(set.version(), RefetchSignal.of(set.version())));
                        lastWrite = System.currentTimeMillis();
                    }
                }, emitter::fail);
            });
        }

        /** The environment may have changed: signal its version if it is not the one last signalled. */
        void look() {
            context.runOnContext(ignored -> snapshots.current(scope.tenant(), scope.environment(), 0).subscribe().with(set -> {
                if (set.version() != sent && !emitter.isCancelled()) {
                    sent = set.version();
                    lastWrite = System.currentTimeMillis();
                    emitter.emit(new Message(set.version(), RefetchSignal.of(set.version())));
                }
            }, failure -> LOG.debugf("An OFREP stream could not read its environment's version: %s", failure.getMessage())));
        }

        private void keepAlive() {
            if (System.currentTimeMillis() - lastWrite >= keepAliveMillis - 1 && !emitter.isCancelled()) {
                lastWrite = System.currentTimeMillis();
                emitter.emit(new Message(sent, null));
            }
        }

        void stop() {
            context.runOnContext(ignored -> {
                if (timer != -1) {
                    context.owner().cancelTimer(timer);
                    timer = -1;
                }
            });
        }
    }
}
