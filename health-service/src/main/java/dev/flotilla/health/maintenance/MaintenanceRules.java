package dev.flotilla.health.maintenance;

import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks a window asked for: one 400 naming every malformed field. */
final class MaintenanceRules {

    private static final int MAX_NAME = 200;
    private static final int MAX_TARGETS = 100;
    private static final Duration MAX_DURATION = Duration.ofDays(7);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})(m|h)");

    private MaintenanceRules() {
    }

    static MaintenanceWindow window(UUID tenant, UUID id, CreateMaintenanceWindow request, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = request.name();
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            errors.add(new Problem.FieldError("name", "must be 1 to " + MAX_NAME + " characters"));
        }
        List<String> targets = request.targets() == null ? List.of() : request.targets();
        String group = request.group();
        if (targets.isEmpty() == (group == null)) {
            errors.add(new Problem.FieldError("targets", "give the targets by name, or a group, not both"));
        } else if (targets.size() > MAX_TARGETS || targets.stream().anyMatch(t -> t == null || t.isBlank())) {
            errors.add(new Problem.FieldError("targets", "must be at most " + MAX_TARGETS + " names, none blank"));
        } else if (group != null && group.isBlank()) {
            errors.add(new Problem.FieldError("group", "must not be blank"));
        }
        Instant start = null;
        Instant end = null;
        Recurrence recurrence = null;
        if (request.recurrence() != null) {
            if (request.start() != null || request.end() != null) {
                errors.add(new Problem.FieldError("recurrence", "a window is either start and end, or a recurrence"));
            }
            recurrence = recurrence(request.recurrence(), errors);
        } else {
            start = instant(request.start(), "start", errors);
            end = instant(request.end(), "end", errors);
            if (start != null && end != null && !end.isAfter(start)) {
                errors.add(new Problem.FieldError("end", "must be after start"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        return new MaintenanceWindow(tenant, id, name, targets, group, start, end, recurrence, now);
    }

    private static Instant instant(String text, String field, List<Problem.FieldError> errors) {
        if (text == null) {
            errors.add(new Problem.FieldError(field, "is required (or give a recurrence)"));
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO-8601 instant (2026-01-31T22:00:00Z)"));
            return null;
        }
    }

    private static Recurrence recurrence(CreateMaintenanceWindow.RecurrenceRequest request, List<Problem.FieldError> errors) {
        int before = errors.size();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if ("daily".equals(request.every())) {
            if (request.days() != null && !request.days().isEmpty()) {
                errors.add(new Problem.FieldError("recurrence.days", "are given for weekly windows only"));
            }
            days = EnumSet.allOf(DayOfWeek.class);
        } else if ("weekly".equals(request.every())) {
            if (request.days() == null || request.days().isEmpty()) {
                errors.add(new Problem.FieldError("recurrence.days", "are required for weekly windows"));
            } else {
                for (String day : request.days()) {
                    try {
                        days.add(DayOfWeek.valueOf(String.valueOf(day).toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        errors.add(new Problem.FieldError("recurrence.days", "must be days of the week (MONDAY...)"));
                        break;
                    }
                }
            }
        } else {
            errors.add(new Problem.FieldError("recurrence.every", "must be daily or weekly"));
        }
        LocalTime at = null;
        try {
            at = request.at() == null ? null : LocalTime.parse(request.at());
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            errors.add(new Problem.FieldError("recurrence.at", "must be a local time HH:mm"));
        }
        Duration duration = duration(request.duration());
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            errors.add(new Problem.FieldError("recurrence.duration", "must be a duration (90m, 2h, PT30M) of at most 7 days"));
        }
        ZoneId zone = null;
        try {
            zone = request.zone() == null ? null : ZoneId.of(request.zone());
        } catch (DateTimeException e) {
            zone = null;
        }
        if (zone == null) {
            errors.add(new Problem.FieldError("recurrence.zone", "must be an IANA time zone (Europe/Paris)"));
        }
        return errors.size() == before ? new Recurrence(days, at, duration, zone) : null;
    }

    private static Duration duration(String text) {
        if (text == null) {
            return null;
        }
        Matcher shortForm = SHORT.matcher(text);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return "h".equals(shortForm.group(2)) ? Duration.ofHours(amount) : Duration.ofMinutes(amount);
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
