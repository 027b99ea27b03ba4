package dev.flotilla.health.page;

import dev.flotilla.common.db.Db;
import dev.flotilla.health.history.DailyChecks;
import dev.flotilla.health.history.HistoryService;
import dev.flotilla.health.history.Uptime;
import dev.flotilla.health.maintenance.MaintenanceService;
import dev.flotilla.health.maintenance.MaintenanceWindow;
import dev.flotilla.health.maintenance.Recurrence;
import dev.flotilla.health.registry.Target;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what a published status page shows now. A page is public and may be read by many at once, so its content is
 * read once per {@code flotilla.health.page.refresh} and shared: concurrent readers wait for the same read, and later
 * ones within the refresh get it as it was (the live stream looks no more often either).
 */
@ApplicationScoped
public class PageContents {

    /** How many days of uptime a page shows, today included. */
    public static final int DAYS = 90;

    /** How many pages' contents are kept at most (old versions of a page's settings linger until the map is cleared). */
    private static final int MAX_CACHED = 10_000;

    private final Db db;
    private final StatusPageService pages;
    private final HistoryService history;
    private final MaintenanceService maintenance;
    private final Clock clock;
    private final Duration refresh;
    private final Map<String, Uni<PageContent>> recent = new ConcurrentHashMap<>();

    public PageContents(Db db, StatusPageService pages, HistoryService history, MaintenanceService maintenance, Clock clock,
            PageConfig config) {
        this.db = db;
        this.pages = pages;
        this.history = history;
        this.maintenance = maintenance;
        this.clock = clock;
        this.refresh = config.refresh();
    }

    /**
     * The content of the page published at {@code slug}, at most a refresh old; 404 when none is. The settings are read
     * every time (by the slug's index), so an unpublished page is gone at once and changed settings show at once.
     */
    public Uni<PageContent> published(String slug) {
        return pages.published(slug).chain(page -> {
            if (recent.size() > MAX_CACHED) {
                recent.clear();
            }
            String key = page.tenant() + "/" + page.version();
            Uni<PageContent> shared = recent.computeIfAbsent(key, ignored -> content(page).memoize()
                    .forFixedDuration(refresh));
            // A failed read (the database away) is not kept: the next reader tries again.
            return shared.onFailure().invoke(() -> recent.remove(key, shared));
        });
    }

    public Uni<PageContent> content(StatusPage page) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1L);
        return PageSql.shown(db.pool(), page.tenant(), page.groups(), Target.PLATFORM, page.includePlatform())
                .chain(shown -> {
                    List<UUID> ids = shown.stream().map(PageSql.Shown::id).toList();
                    Uni<List<DailyChecks>> days = history.daily(shown.stream().map(PageSql.Shown::tenant).toList(), ids,
                            first);
                    Uni<Map<UUID, Uptime>> uptimes = history.uptimes(page.tenant(), ids);
                    Uni<List<PageSql.IncidentRow>> incidents = shown.isEmpty() ? Uni.createFrom().item(List.of())
                            : PageSql.incidents(db.pool(), shown,
                                    first.atStartOfDay(ZoneOffset.UTC).toInstant());
                    Uni<List<MaintenanceWindow>> windows = maintenance.current(page.tenant(), now);
                    return Uni.combine().all().unis(days, uptimes, incidents, windows).asTuple()
                            .map(all -> {
                                List<PageContent.Maintenance> maintenances = maintenances(page, shown, all.getItem4(), now);
                                return new PageContent(page, now,
                                        components(shown, all.getItem1(), all.getItem2(), maintenances, first, today),
                                        incidents(all.getItem3()), maintenances);
                            });
                });
    }

    private static List<PageContent.Component> components(List<PageSql.Shown> shown, List<DailyChecks> counts,
            Map<UUID, Uptime> uptimes, List<PageContent.Maintenance> maintenances, LocalDate first, LocalDate today) {
        List<UUID> inMaintenance = maintenances.stream().filter(window -> "in_progress".equals(window.status()))
                .flatMap(window -> window.componentIds().stream()).toList();
        Map<UUID, Map<LocalDate, DailyChecks>> byTarget = new HashMap<>();
        counts.forEach(count -> byTarget.computeIfAbsent(count.target(), id -> new HashMap<>()).put(count.date(), count));
        List<PageContent.Component> components = new ArrayList<>(shown.size());
        for (PageSql.Shown target : shown) {
            Map<LocalDate, DailyChecks> ofTarget = byTarget.getOrDefault(target.id(), Map.of());
            List<PageContent.Day> days = new ArrayList<>(DAYS);
            for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
                DailyChecks count = ofTarget.get(day);
                days.add(new PageContent.Day(day, count == null ? 0 : count.checks(), count == null ? 0 : count.failures()));
            }
            Uptime uptime = uptimes.get(target.id());
            PageContent.State state = inMaintenance.contains(target.id()) ? PageContent.State.MAINTENANCE : state(target);
            components.add(new PageContent.Component(target.id(), target.name(), target.group(), state,
                    target.since(), target.checkedAt(), uptime == null ? null : uptime.p50(), target.createdAt(), days));
        }
        return components;
    }

    private static PageContent.State state(PageSql.Shown target) {
        if (target.status() == null) {
            return PageContent.State.UNKNOWN;
        }
        if ("UP".equals(target.status())) {
            return PageContent.State.UP;
        }
        return target.impacted() ? PageContent.State.IMPACTED : PageContent.State.DOWN;
    }

    /**
     * The tenant's windows covering components of the page: one-off ones to come or in progress, recurring ones while
     * an occurrence is under way (the occurrence's own start and end).
     */
    private static List<PageContent.Maintenance> maintenances(StatusPage page, List<PageSql.Shown> shown,
            List<MaintenanceWindow> windows, Instant now) {
        List<PageContent.Maintenance> maintenances = new ArrayList<>();
        for (MaintenanceWindow window : windows) {
            List<UUID> covered = shown.stream().filter(target -> target.tenant().equals(page.tenant()))
                    .filter(target -> window.targets().contains(target.name())
                            || window.group() != null && window.group().equals(target.group()))
                    .map(PageSql.Shown::id).toList();
            if (covered.isEmpty()) {
                continue;
            }
            if (window.recurrence() == null) {
                String status = now.isBefore(window.start()) ? "scheduled" : "in_progress";
                maintenances.add(new PageContent.Maintenance(window.id(), window.name(), status, window.start(),
                        window.end(), covered));
            } else if (window.recurrence().covers(now)) {
                Recurrence recurrence = window.recurrence();
                ZonedDateTime start = now.atZone(recurrence.zone()).toLocalDate().atTime(recurrence.at())
                        .atZone(recurrence.zone());
                while (start.toInstant().isAfter(now)) {
                    start = start.minusDays(1);
                }
                maintenances.add(new PageContent.Maintenance(window.id(), window.name(), "in_progress", start.toInstant(),
                        start.toInstant().plus(recurrence.duration()), covered));
            }
        }
        return maintenances;
    }

    /** The incidents, one per id in the order read, each with its updates. */
    private static List<PageContent.Incident> incidents(List<PageSql.IncidentRow> rows) {
        Map<UUID, List<PageSql.IncidentRow>> byIncident = new LinkedHashMap<>();
        rows.forEach(row -> byIncident.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        List<PageContent.Incident> incidents = new ArrayList<>(byIncident.size());
        byIncident.forEach((id, ofIncident) -> {
            PageSql.IncidentRow incident = ofIncident.get(0);
            List<PageContent.Update> updates = ofIncident.stream().filter(row -> row.updateId() != null)
                    .map(row -> new PageContent.Update(row.updateId(), row.updateStatus(), row.body(), row.updateAt()))
                    .toList();
            Instant updatedAt = updates.isEmpty() ? incident.openedAt() : updates.get(0).createdAt();
            incidents.add(new PageContent.Incident(id, incident.targetName() + " is down", incident.status(), "major",
                    incident.openedAt(), updatedAt, incident.resolvedAt(), updates, List.of(incident.target())));
        });
        return incidents;
    }
}
