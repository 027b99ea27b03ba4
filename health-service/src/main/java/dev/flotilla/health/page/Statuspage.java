package dev.flotilla.health.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page's content in the JSON of Atlassian Statuspage's public API v2 ({@code /api/v2/summary.json} and its parts),
 * so that status widgets and tools written for Statuspage read it unchanged. Components are the page's targets;
 * a group of targets is not a component of its own. A target not checked yet is {@code operational}, as a new
 * Statuspage component is; one inside a maintenance window in progress is {@code under_maintenance}.
 */
final class Statuspage {

    private Statuspage() {
    }

    static Map<String, Object> summary(PageContent content, String url) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("page", page(content, url));
        summary.put("components", componentList(content));
        summary.put("incidents", incidentList(content, true));
        summary.put("scheduled_maintenances", maintenanceList(content));
        summary.put("status", indicator(content));
        return summary;
    }

    static Map<String, Object> status(PageContent content, String url) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("page", page(content, url));
        status.put("status", indicator(content));
        return status;
    }

    static Map<String, Object> components(PageContent content, String url) {
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("page", page(content, url));
        components.put("components", componentList(content));
        return components;
    }

    static Map<String, Object> incidents(PageContent content, String url, boolean unresolvedOnly) {
        Map<String, Object> incidents = new LinkedHashMap<>();
        incidents.put("page", page(content, url));
        incidents.put("incidents", incidentList(content, unresolvedOnly));
        return incidents;
    }

    static Map<String, Object> maintenances(PageContent content, String url) {
        Map<String, Object> maintenances = new LinkedHashMap<>();
        maintenances.put("page", page(content, url));
        maintenances.put("scheduled_maintenances", maintenanceList(content));
        return maintenances;
    }

    private static Map<String, Object> page(PageContent content, String url) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", content.page().slug());
        page.put("name", content.page().title());
        page.put("url", url);
        page.put("time_zone", "Etc/UTC");
        page.put("updated_at", updatedAt(content));
        return page;
    }

    /** The latest change the page shows: a component's state or an incident's. */
    private static Instant updatedAt(PageContent content) {
        Instant latest = content.page().updatedAt();
        for (PageContent.Component component : content.components()) {
            if (component.since() != null && component.since().isAfter(latest)) {
                latest = component.since();
            }
        }
        for (PageContent.Incident incident : content.incidents()) {
            if (incident.updatedAt().isAfter(latest)) {
                latest = incident.updatedAt();
            }
        }
        return latest;
    }

    /** {@code none}, {@code minor} (something degraded), {@code major} (something down) or {@code critical} (all). */
    static Map<String, Object> indicator(PageContent content) {
        long checked = content.components().stream().filter(c -> c.state() != PageContent.State.UNKNOWN).count();
        long down = content.components().stream().filter(c -> c.state() == PageContent.State.DOWN).count();
        String indicator;
        String description;
        if (down > 0 && down == checked) {
            indicator = "critical";
            description = "Major System Outage";
        } else if (down > 0) {
            indicator = "major";
            description = "Partial System Outage";
        } else if (content.overall() == PageContent.State.IMPACTED) {
            indicator = "minor";
            description = "Minor Service Outage";
        } else {
            indicator = "none";
            description = "All Systems Operational";
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("indicator", indicator);
        status.put("description", description);
        return status;
    }

    private static List<Map<String, Object>> componentList(PageContent content) {
        List<Map<String, Object>> components = new ArrayList<>();
        int position = 1;
        for (PageContent.Component component : content.components()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", component.id().toString());
            json.put("name", component.name());
            json.put("status", status(component.state()));
            json.put("created_at", component.createdAt());
            json.put("updated_at", component.since() == null ? component.createdAt() : component.since());
            json.put("position", position++);
            json.put("description", component.group());
            json.put("showcase", true);
            json.put("start_date", component.createdAt().toString().substring(0, 10));
            json.put("group_id", null);
            json.put("page_id", content.page().slug());
            json.put("group", false);
            json.put("only_show_if_degraded", false);
            components.add(json);
        }
        return components;
    }

    static String status(PageContent.State state) {
        return switch (state) {
            case UP, UNKNOWN -> "operational";
            case IMPACTED -> "degraded_performance";
            case DOWN -> "major_outage";
            case MAINTENANCE -> "under_maintenance";
        };
    }

    private static List<Map<String, Object>> maintenanceList(PageContent content) {
        List<Map<String, Object>> maintenances = new ArrayList<>();
        for (PageContent.Maintenance maintenance : content.maintenances()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", maintenance.id().toString());
            json.put("name", maintenance.name());
            json.put("status", maintenance.status());
            json.put("created_at", maintenance.scheduledFor());
            json.put("updated_at", maintenance.scheduledFor());
            json.put("monitoring_at", null);
            json.put("resolved_at", null);
            json.put("impact", "maintenance");
            json.put("shortlink", null);
            json.put("started_at", maintenance.scheduledFor());
            json.put("page_id", content.page().slug());
            json.put("incident_updates", List.of());
            json.put("components", content.components().stream()
                    .filter(component -> maintenance.componentIds().contains(component.id()))
                    .map(component -> Map.of("id", component.id().toString(), "name", component.name(),
                            "status", status(component.state())))
                    .toList());
            json.put("scheduled_for", maintenance.scheduledFor());
            json.put("scheduled_until", maintenance.scheduledUntil());
            maintenances.add(json);
        }
        return maintenances;
    }

    private static List<Map<String, Object>> incidentList(PageContent content, boolean unresolvedOnly) {
        List<Map<String, Object>> incidents = new ArrayList<>();
        for (PageContent.Incident incident : content.incidents()) {
            if (unresolvedOnly && incident.resolvedAt() != null) {
                continue;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", incident.id().toString());
            json.put("name", incident.name());
            json.put("status", incident.status());
            json.put("created_at", incident.createdAt());
            json.put("updated_at", incident.updatedAt());
            json.put("monitoring_at", null);
            json.put("resolved_at", incident.resolvedAt());
            json.put("impact", incident.impact());
            json.put("shortlink", null);
            json.put("started_at", incident.createdAt());
            json.put("page_id", content.page().slug());
            List<Map<String, Object>> updates = new ArrayList<>();
            for (PageContent.Update update : incident.updates()) {
                Map<String, Object> u = new LinkedHashMap<>();
                u.put("id", update.id().toString());
                u.put("status", update.status());
                u.put("body", update.body());
                u.put("incident_id", incident.id().toString());
                u.put("created_at", update.createdAt());
                u.put("updated_at", update.createdAt());
                u.put("display_at", update.createdAt());
                updates.add(u);
            }
            json.put("incident_updates", updates);
            json.put("components", content.components().stream()
                    .filter(component -> incident.componentIds().contains(component.id()))
                    .map(component -> Map.of("id", component.id().toString(), "name", component.name(),
                            "status", status(component.state())))
                    .toList());
            incidents.add(json);
        }
        return incidents;
    }
}
