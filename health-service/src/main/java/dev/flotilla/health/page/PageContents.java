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
import org.jboss.logging.Logger;

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
 * read at most once per {@code flotilla.health.page.refresh} and shared: readers are answered with the content last read
 * while the next one is being read (only the first reader of a page waits), and the days that have ended are summed once
 * and kept, so a refresh reads only today's checks.
 */
@ApplicationScoped
public class PageContents {

    /** How many days of uptime a page shows, today included. */
    public static final int DAYS = 90;

    /** How many pages' contents are kept at most (old versions of a page's settings linger until the map is cleared). */
    private static final int MAX_CACHED = 1_000;

    /**
     * How long after midnight (UTC) a day's sums are taken as final: a check begun before midnight is recorded with its
     * start time, at most a check's timeout later.
     */
    private static final Logger LOG = Logger.getLogger(PageContents.class);

    private static final Duration DAY_SETTLES = Duration.ofMinutes(10);

    private final Db db;
    private final StatusPageService pages;
    private final HistoryService history;
    private final MaintenanceService maintenance;
    private final Clock clock;
    private final Duration refresh;
    private final Map<String, Shared> recent = new ConcurrentHashMap<>();
    private final Map<String, ClosedDays> closedDays = new ConcurrentHashMap<>();

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
     * The content of the page published at {@code slug}, read at most a refresh (and one read's time) ago; 404 when none
     * is. The settings are read every time (by the slug's index), so an unpublished page is gone at once and changed
     * settings show with the first read under them.
     */
    public Uni<PageContent> published(String slug) {
        return pages.published(slug).chain(page -> {
            if (recent.size() > MAX_CACHED) {
                recent.clear();
                closedDays.clear();
            }
            return recent.computeIfAbsent(key(page), ignored -> new Shared(page)).get();
        });
    }

    public Uni<PageContent> content(StatusPage page) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1L);
        return PageSql.shown(db.pool(), page.tenant(), page.groups(), Target.PLATFORM, page.includePlatform())
                .chain(shown -> {
                    List<UUID> ids = shown.stream().map(PageSql.Shown::id).toList();
                    Uni<List<DailyChecks>> days = days(page, shown, first, now);
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

    private static String key(StatusPage page) {
        return page.tenant() + "/" + page.version();
    }

    /**
     * The page's checks per day since {@code first}: the settled days from what was kept when the same targets were shown
     * (read and kept otherwise), the days after them read now.
     */
    private Uni<List<DailyChecks>> days(StatusPage page, List<PageSql.Shown> shown, LocalDate first, Instant now) {
        List<UUID> tenants = shown.stream().map(PageSql.Shown::tenant).toList();
        List<UUID> ids = shown.stream().map(PageSql.Shown::id).toList();
        LocalDate settled = LocalDate.ofInstant(now.minus(DAY_SETTLES), ZoneOffset.UTC);
        ClosedDays kept = closedDays.get(key(page));
        Uni<List<DailyChecks>> closed = kept != null && kept.covers(first, settled, ids) ? Uni.createFrom().item(kept.days())
                : history.daily(tenants, ids, first, settled)
                        .invoke(days -> closedDays.put(key(page), new ClosedDays(first, settled, ids, days)));
        Uni<List<DailyChecks>> open = history.daily(tenants, ids, settled, settled.plusDays(2));
        return Uni.combine().all().unis(closed, open).with((before, after) -> {
            List<DailyChecks> days = new ArrayList<>(before.size() + after.size());
            days.addAll(before);
            days.addAll(after);
            return days;
        });
    }

    /** The sums of the days from {@code first} to the day before {@code until} of the targets {@code ids}. */
    private record ClosedDays(LocalDate first, LocalDate until, List<UUID> ids, List<DailyChecks> days) {

        boolean covers(LocalDate first, LocalDate until, List<UUID> ids) {
            return this.first.equals(first) && this.until.equals(until) && this.ids.equals(ids);
        }
    }

    /**
     * One page's content as last read, and the read under way. The first reader waits for the first read; later ones get
     * the last content, and the first of them after a refresh starts the next read. After a failed read (the database
     * away) the last content stays and the next reader tries again.
     */
    private final class Shared {

        private final StatusPage page;
        private PageContent last;
        private Instant lastReadAt;
        private Uni<PageContent> reading;

        Shared(StatusPage page) {
            this.page = page;
        }

        synchronized Uni<PageContent> get() {
            Instant now = clock.instant();
            if (last != null && now.isBefore(lastReadAt.plus(refresh))) {
                return Uni.createFrom().item(last);
            }
            if (last == null) {
                if (reading == null) {
                    reading = read(now);
                }
                return reading;
            }
            if (reading == null) {
                reading = read(now);
                reading.subscribe().with(ignored -> {
                }, failure -> LOG.warnf("Status page content not refreshed: %s", failure.getMessage()));
            }
            return Uni.createFrom().item(last);
        }

        private Uni<PageContent> read(Instant startedAt) {
            return content(page).onItemOrFailure().invoke((content, failure) -> done(content, startedAt)).memoize()
                    .indefinitely();
        }

        private synchronized void done(PageContent content, Instant startedAt) {
            if (content != null) {
                last = content;
                lastReadAt = startedAt;
            }
            reading = null;
        }
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
