package dev.flotilla.health.registry;

import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.health.condition.Conditions;
import dev.flotilla.health.condition.InvalidConditions;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a target may be: each field checked and defaulted, every malformed one named in one 400; conditions that do not
 * parse are one 422 naming each as {@code conditions[<index>]}. The same rules judge the API's creates and changes and
 * the targets file's entries.
 */
@ApplicationScoped
public class TargetRules {

    static final int MAX_NAME = 100;
    static final int MAX_HEADERS = 50;
    static final int MAX_HEADER_VALUE = 4096;
    static final int MAX_BODY = 16 * 1024;
    static final int MAX_CONDITIONS = 50;
    static final int MAX_DEPENDENCIES = 50;
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final List<String> DEFAULT_HTTP_CONDITIONS = List.of("[STATUS] == 200");

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final HealthConfig config;

    public TargetRules(HealthConfig config) {
        this.config = config;
    }

    /** The target {@code request} defines; fails with a 400 or 422 problem naming what is wrong. */
    public TargetSpec spec(CreateTarget request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = text(request.name(), "name", MAX_NAME, true, errors);
        String group = text(request.group(), "group", MAX_NAME, false, errors);
        TargetKind kind = request.kind() == null ? TargetKind.HTTP : TargetKind.of(request.kind().strip());
        if (kind == null) {
            errors.add(new Problem.FieldError("kind", "must be one of http, tcp, quarkus, push"));
        }
        Request probe = kind == TargetKind.PUSH ? noRequest(request, errors) : request(request, kind, errors);
        Duration interval = interval(request.interval(), errors);
        Duration timeout = timeout(request.timeout(), interval, errors);
        List<String> conditions = request.conditions() != null ? request.conditions()
                : kind == TargetKind.TCP || kind == TargetKind.PUSH ? List.of() : DEFAULT_HTTP_CONDITIONS;
        if (conditions.size() > MAX_CONDITIONS) {
            errors.add(new Problem.FieldError("conditions", "must have at most " + MAX_CONDITIONS + " conditions"));
        }
        List<String> dependsOn = dependsOn(request.dependsOn(), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        List<String> parsed = conditions(conditions);
        return new TargetSpec(name, group, kind, probe.url(), probe.method(), probe.headers(), probe.body(), interval,
                timeout, parsed, dependsOn, request.enabled() == null || request.enabled());
    }

    /** What a check sends: where, with which method, headers and body. */
    private record Request(String url, String method, Map<String, String> headers, String body) {
    }

    private static Request request(CreateTarget request, TargetKind kind, List<Problem.FieldError> errors) {
        String url = url(request.url(), kind, errors);
        String method = request.method() == null ? "GET" : request.method().strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            errors.add(new Problem.FieldError("method",
                    "must be one of " + String.join(", ", METHODS.stream().sorted().toList())));
        }
        Map<String, String> headers = headers(request.headers(), errors);
        String body = request.body() == null || request.body().isEmpty() ? null : request.body();
        if (body != null && body.length() > MAX_BODY) {
            errors.add(new Problem.FieldError("body", "must have at most " + MAX_BODY + " characters"));
        }
        return new Request(url, method, headers, body);
    }

    private static String url(String given, TargetKind kind, List<Problem.FieldError> errors) {
        String url = given == null ? null : given.strip();
        if (url == null || url.isEmpty()) {
            errors.add(new Problem.FieldError("url", "is required"));
        } else if (kind != null) {
            try {
                TargetUrls.parse(kind, url);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("url", e.getMessage()));
            }
        }
        return url;
    }

    /**
     * A push target makes no request, so what would shape one is refused rather than kept unused: a client that gives
     * it has mistaken the kind. Empty values are what a change of a push target carries over, and pass.
     */
    private static Request noRequest(CreateTarget request, List<Problem.FieldError> errors) {
        String reason = "must not be given for a push target (its job sends heartbeats)";
        if (request.url() != null && !request.url().isBlank()) {
            errors.add(new Problem.FieldError("url", reason));
        }
        if (request.method() != null) {
            errors.add(new Problem.FieldError("method", reason));
        }
        if (request.headers() != null && !request.headers().isEmpty()) {
            errors.add(new Problem.FieldError("headers", reason));
        }
        if (request.body() != null && !request.body().isEmpty()) {
            errors.add(new Problem.FieldError("body", reason));
        }
        if (request.conditions() != null && !request.conditions().isEmpty()) {
            errors.add(new Problem.FieldError("conditions", reason));
        }
        return new Request(null, null, Map.of(), null);
    }

    private static String text(String value, String field, int max, boolean required, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "must not be blank"));
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            errors.add(new Problem.FieldError(field, "must have at most " + max + " characters"));
        } else if (CONTROL.matcher(stripped).find()) {
            errors.add(new Problem.FieldError(field, "must not hold control characters"));
        }
        return stripped;
    }

    private static Map<String, String> headers(Map<String, String> given, List<Problem.FieldError> errors) {
        if (given == null) {
            return Map.of();
        }
        if (given.size() > MAX_HEADERS) {
            errors.add(new Problem.FieldError("headers", "must have at most " + MAX_HEADERS + " headers"));
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            String field = "headers." + name;
            if (!HEADER_NAME.matcher(name).matches()) {
                errors.add(new Problem.FieldError(field, "is not a header name (RFC 9110 token)"));
            } else if (value == null || value.length() > MAX_HEADER_VALUE || CONTROL.matcher(value).find()) {
                errors.add(new Problem.FieldError(field, "must be a value of at most " + MAX_HEADER_VALUE
                        + " characters, without control characters"));
            } else {
                headers.put(name, value);
            }
        });
        return headers;
    }

    private Duration interval(String given, List<Problem.FieldError> errors) {
        if (given == null) {
            return DEFAULT_INTERVAL;
        }
        Duration interval = TargetDurations.parse(given);
        if (interval == null) {
            errors.add(new Problem.FieldError("interval", "'" + given + "' is not a duration (250ms, 30s, 5m, 1h or PT30S)"));
            return null;
        }
        if (interval.compareTo(config.minInterval()) < 0 || interval.compareTo(config.maxInterval()) > 0) {
            errors.add(new Problem.FieldError("interval",
                    "must be between " + config.minInterval() + " and " + config.maxInterval()));
            return null;
        }
        return interval;
    }

    private Duration timeout(String given, Duration interval, List<Problem.FieldError> errors) {
        if (given == null) {
            return interval == null || interval.compareTo(DEFAULT_TIMEOUT) >= 0 ? DEFAULT_TIMEOUT : interval;
        }
        Duration timeout = TargetDurations.parse(given);
        if (timeout == null) {
            errors.add(new Problem.FieldError("timeout", "'" + given + "' is not a duration (250ms, 30s, 5m, 1h or PT30S)"));
            return null;
        }
        Duration max = interval == null || interval.compareTo(config.maxTimeout()) > 0 ? config.maxTimeout() : interval;
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(max) > 0) {
            errors.add(new Problem.FieldError("timeout", "must be between " + MIN_TIMEOUT + " and " + max
                    + (max.equals(interval) ? " (the interval)" : "")));
            return null;
        }
        return timeout;
    }

    private static List<String> dependsOn(List<String> given, List<Problem.FieldError> errors) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_DEPENDENCIES) {
            errors.add(new Problem.FieldError("dependsOn", "must name at most " + MAX_DEPENDENCIES + " targets"));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String name = text(given.get(i), "dependsOn[" + i + "]", MAX_NAME, true, errors);
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The conditions as given, once each parses; a 422 naming every one that does not. */
    private static List<String> conditions(List<String> conditions) {
        try {
            return Conditions.parse(conditions).texts();
        } catch (InvalidConditions e) {
            List<Problem.FieldError> errors = e.problems().stream()
                    .map(p -> new Problem.FieldError("conditions[" + p.index() + "]", "'" + p.condition() + "': " + p.reason()))
                    .toList();
            throw new ProblemException(ProblemType.UNPROCESSABLE, e.getMessage(), errors);
        }
    }
}
