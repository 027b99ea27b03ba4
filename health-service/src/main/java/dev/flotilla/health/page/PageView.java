package dev.flotilla.health.page;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The status page as its HTML template shows it: every text and class worked out, so the template only lays out. */
public record PageView(String title, String banner, String bannerClass, String updated, List<Row> rows,
        List<IncidentRow> incidents, String eventsUrl, String summaryUrl, String feedUrl) {

    /** One component: its state and its uptime bars, oldest day first. */
    public record Row(String id, String name, String group, String state, String stateClass, String uptime,
            List<Bar> bars) {
    }

    /** One day's bar: a class for its colour and a title saying what it stands for. */
    public record Bar(String cssClass, String title) {
    }

    public record IncidentRow(String id, String name, String status, String started, List<String> updates) {
    }

    /**
     * What the page's script changes in place when the page's state changes: the banner and each component's state, with
     * the same texts and classes as the page rendered on the server.
     */
    public record Live(String banner, String bannerClass, List<LiveComponent> components) {
    }

    public record LiveComponent(String id, String state, String stateClass) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static PageView of(PageContent content, String pageUrl) {
        List<Row> rows = content.components().stream().map(PageView::row).toList();
        List<IncidentRow> incidents = content.incidents().stream()
                .filter(incident -> incident.resolvedAt() == null)
                .map(incident -> new IncidentRow(incident.id().toString(), incident.name(), incident.status(),
                        TIME.format(incident.createdAt()),
                        incident.updates().stream().map(update -> TIME.format(update.createdAt()) + " — " + update.status()
                                + (update.body() == null ? "" : ": " + update.body())).toList()))
                .toList();
        String banner = Statuspage.indicator(content).get("description").toString();
        return new PageView(content.page().title(), banner, "state-" + cssName(content.overall()),
                TIME.format(content.at()), rows, incidents, pageUrl + "/events", pageUrl + "/api/v2/summary.json",
                pageUrl + "/history.atom");
    }

    static Live live(PageContent content) {
        return new Live(Statuspage.indicator(content).get("description").toString(), "state-" + cssName(content.overall()),
                content.components().stream().map(component -> new LiveComponent(component.id().toString(),
                        component.state().label(), "state-" + cssName(component.state()))).toList());
    }

    private static Row row(PageContent.Component component) {
        long checks = component.days().stream().mapToLong(PageContent.Day::checks).sum();
        long failures = component.days().stream().mapToLong(PageContent.Day::failures).sum();
        String uptime = checks == 0 ? "no checks yet"
                : String.format(Locale.ROOT, "%.2f%% uptime", Math.floor(10_000.0 * (checks - failures) / checks) / 100);
        List<Bar> bars = component.days().stream().map(day -> {
            Double up = day.uptime();
            String css = up == null ? "day-none" : up >= 0.999 ? "day-up" : up >= 0.95 ? "day-partial" : "day-down";
            String title = day.date() + ": " + (up == null ? "no checks"
                    : String.format(Locale.ROOT, "%.2f%% of %d checks passed", up * 100, day.checks()));
            return new Bar(css, title);
        }).toList();
        return new Row(component.id().toString(), component.name(), component.group() == null ? "" : component.group(),
                component.state().label(), "state-" + cssName(component.state()), uptime, bars);
    }

    static String cssName(PageContent.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
