package dev.flotilla.health.check;

import dev.flotilla.common.id.Ids;
import dev.flotilla.common.outbound.OutboundUrls;
import dev.flotilla.health.condition.Conditions;
import dev.flotilla.health.condition.Observation;
import dev.flotilla.health.heartbeat.Heartbeat;
import dev.flotilla.health.heartbeat.HeartbeatService;
import dev.flotilla.health.registry.HealthConfig;
import dev.flotilla.health.registry.Target;
import dev.flotilla.health.registry.TargetKind;
import dev.flotilla.health.registry.TargetUrls;
import dev.flotilla.health.result.Result;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one target and judges what it saw: an {@code http} target by one request, a {@code tcp} target by a
 * connection, a {@code quarkus} target by its readiness, liveness and startup probes at once (the failing checks their
 * SmallRye Health answers name become reasons of their own). The target is DOWN when it gave no answer or failed a
 * condition; the result keeps the start of a failing answer. A {@code push} target is judged by its last heartbeat
 * instead: DOWN when none came within its interval and the grace before the check, or when its job reported itself
 * down. Never fails, but when a push target's heartbeat cannot be read (the result is then not recorded, as when the
 * database is away).
 */
@ApplicationScoped
public class Checker {

    /** A Quarkus service's probes, by the name a reason gives them. */
    static final Map<String, String> PROBES = Map.of("readiness", "/q/health/ready", "liveness", "/q/health/live", "startup",
            "/q/health/started");
    private static final List<String> PROBE_ORDER = List.of("readiness", "liveness", "startup");

    private final Probes probes;
    private final HeartbeatService heartbeats;
    private final HealthConfig.Check config;
    private final Duration grace;
    private final Map<UUID, Parsed> parsed = new ConcurrentHashMap<>();

    public Checker(Probes probes, HeartbeatService heartbeats, HealthConfig config) {
        this.probes = probes;
        this.heartbeats = heartbeats;
        this.config = config.check();
        this.grace = config.heartbeat().grace();
    }

    /** Forgets what it kept of targets it no longer checks. */
    void forget(UUID target) {
        parsed.remove(target);
    }

    /** The result of checking {@code target} now. */
    public Uni<Result> check(Target target, Instant at) {
        if (target.kind() == TargetKind.PUSH) {
            return heartbeats.last(target.tenant(), target.id()).map(heartbeat -> push(target, at, heartbeat));
        }
        OutboundUrls.Target url;
        try {
            url = TargetUrls.parse(target.kind(), target.url());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(down(target, at, 0, List.of(), null, "the target's URL " + e.getMessage()));
        }
        return switch (target.kind()) {
            case TCP -> probes.tcp(target.source(), url, target.timeout())
                    .map(exchange -> judge(target, at, exchange, List.of()));
            case HTTP -> probes.http(target.source(), url, target.method(), target.headers(), target.body(), target.timeout())
                    .map(exchange -> judge(target, at, exchange, List.of()));
            case QUARKUS -> quarkus(target, url, at);
            case PUSH -> throw new IllegalStateException("push targets are judged by their heartbeats");
        };
    }

    private Result push(Target target, Instant at, Heartbeat heartbeat) {
        List<String> failing = pushFailures(heartbeat, target.createdAt(), target.interval(), grace, at);
        if (failing.isEmpty()) {
            return new Result(target.tenant(), target.id(), Ids.next(), at, Result.Status.UP, 0, List.of(), null, null);
        }
        return down(target, at, 0, failing, null, null);
    }

    /**
     * Why a push target made at {@code createdAt} is down at {@code at}, none when it is up: its last heartbeat came
     * within the interval and a tenth of it (but at least {@code grace}) before, and reported up. A target not heard
     * from yet counts from its creation, so that a new one has an interval to send its first.
     */
    static List<String> pushFailures(Heartbeat heartbeat, Instant createdAt, Duration interval, Duration grace,
            Instant at) {
        Duration tenth = interval.dividedBy(10);
        Duration window = interval.plus(tenth.compareTo(grace) > 0 ? tenth : grace);
        Instant since = heartbeat.at() != null ? heartbeat.at() : createdAt;
        List<String> failing = new ArrayList<>();
        if (since.plus(window).isBefore(at)) {
            failing.add(heartbeat.at() != null ? "no heartbeat since " + heartbeat.at() : "no heartbeat ever");
        }
        if (heartbeat.down()) {
            failing.add(heartbeat.message() != null ? "reported down: " + heartbeat.message() : "reported down");
        }
        return failing;
    }

    private Uni<Result> quarkus(Target target, OutboundUrls.Target base, Instant at) {
        List<Uni<Exchange>> exchanges = new ArrayList<>();
        String root = base.requestUri().replaceFirst("/?(\\?.*)?$", "");
        for (String probe : PROBE_ORDER) {
            OutboundUrls.Target url = new OutboundUrls.Target(base.host(), base.port(), base.tls(), root + PROBES.get(probe));
            exchanges.add(probes.http(target.source(), url, "GET", target.headers(), null, target.timeout()));
        }
        return Uni.combine().all().unis(exchanges).with(Exchange.class, answers -> {
            List<String> causes = new ArrayList<>();
            Exchange worst = answers.get(0);
            for (int i = 0; i < answers.size(); i++) {
                Exchange answer = answers.get(i);
                String probe = PROBE_ORDER.get(i);
                if (!answer.answered()) {
                    causes.add(probe + ": " + answer.error());
                } else {
                    causes.addAll(HealthJson.causes(probe, answer.status(), answer.body()));
                }
                if (worst.answered() && (!answer.answered() || answer.status() != 200 && worst.status() == 200)) {
                    worst = answer;
                }
            }
            long slowest = answers.stream().mapToLong(Exchange::elapsedMs).max().orElse(0);
            Exchange judged = new Exchange(worst.status(), worst.body(), worst.certificateExpiresAt(), slowest,
                    worst.error());
            return judge(target, at, judged, causes);
        });
    }

    private Result judge(Target target, Instant at, Exchange exchange, List<String> causes) {
        Observation observation = new Observation(exchange.status(), exchange.elapsedMs(), exchange.body(),
                exchange.certificateExpiresAt(), exchange.answered(), at);
        List<String> failing = new ArrayList<>(conditions(target).failing(observation));
        failing.addAll(causes);
        int latency = (int) Math.min(Integer.MAX_VALUE, exchange.elapsedMs());
        if (exchange.answered() && failing.isEmpty()) {
            return new Result(target.tenant(), target.id(), Ids.next(), at, Result.Status.UP, latency, List.of(), null, null);
        }
        return down(target, at, latency, failing, excerpt(exchange.body()), exchange.error());
    }

    private static Result down(Target target, Instant at, int latency, List<String> failing, String excerpt, String error) {
        return new Result(target.tenant(), target.id(), Ids.next(), at, Result.Status.DOWN, latency, List.copyOf(failing),
                excerpt, error);
    }

    private String excerpt(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        return body.length() <= config.excerptChars() ? body : body.substring(0, config.excerptChars());
    }

    /** The target's conditions, parsed once per version of it. */
    private Conditions conditions(Target target) {
        Parsed parsed = this.parsed.get(target.id());
        if (parsed == null || parsed.version() != target.version()) {
            parsed = new Parsed(target.version(), Conditions.parse(target.conditions()));
            this.parsed.put(target.id(), parsed);
        }
        return parsed.conditions();
    }

    private record Parsed(int version, Conditions conditions) {
    }
}
