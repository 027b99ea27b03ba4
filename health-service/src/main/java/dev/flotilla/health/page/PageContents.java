package dev.flotilla.health.page;

import dev.flotilla.common.db.Db;
import dev.flotilla.health.history.DailyChecks;
import dev.flotilla.health.history.HistoryService;
import dev.flotilla.health.registry.Target;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads what a published status page shows now. */
@ApplicationScoped
public class PageContents {

    /** How many days of uptime a page shows, today included. */
    public static final int DAYS = 90;

    private final Db db;
    private final StatusPageService pages;
    private final HistoryService history;
    private final Clock clock;

    public PageContents(Db db, StatusPageService pages, HistoryService history, Clock clock) {
        this.db = db;
        this.pages = pages;
        this.history = history;
        this.clock = clock;
    }

    /** The content of the page published at {@code slug}; 404 when none is. */
    public Uni<PageContent> published(String slug) {
        return pages.published(slug).chain(this::content);
    }

    public Uni<PageContent> content(StatusPage page) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1L);
        return PageSql.shown(db.pool(), page.tenant(), page.groups(), Target.PLATFORM, page.includePlatform())
                .chain(shown -> {
                    List<PageSql.Shown> checked = shown.stream().filter(target -> target.status() != null).toList();
                    Uni<Map<UUID, Instant>> since = checked.isEmpty() ? Uni.createFrom().item(Map.of())
                            : PageSql.since(db.pool(), checked);
                    Uni<List<DailyChecks>> days = history.daily(shown.stream().map(PageSql.Shown::tenant).toList(),
                            shown.stream().map(PageSql.Shown::id).toList(), first);
                    return Uni.combine().all().unis(since, days).asTuple()
                            .map(both -> new PageContent(page, now, components(shown, both.getItem1(), both.getItem2(), first,
                                    today), List.of()));
                });
    }

    private static List<PageContent.Component> components(List<PageSql.Shown> shown, Map<UUID, Instant> since,
            List<DailyChecks> counts, LocalDate first, LocalDate today) {
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
            PageContent.State state = target.status() == null ? PageContent.State.UNKNOWN
                    : "UP".equals(target.status()) ? PageContent.State.UP : PageContent.State.DOWN;
            components.add(new PageContent.Component(target.id(), target.name(), target.group(), state,
                    since.getOrDefault(target.id(), target.checkedAt()), target.checkedAt(), target.latencyMs(),
                    target.createdAt(), days));
        }
        return components;
    }
}
