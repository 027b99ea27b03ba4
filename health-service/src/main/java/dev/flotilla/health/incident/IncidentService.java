package dev.flotilla.health.incident;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.health.alert.Alerts;
import dev.flotilla.health.maintenance.MaintenanceService;
import dev.flotilla.health.registry.Target;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Incidents: opened and resolved by the checks ({@link #failing}, {@link #recovered}, inside the transaction that
 * records the result), updated by people through the API. Each change that opens or resolves an alerted incident
 * writes its alert in the same transaction. An incident opened during a maintenance window of its target, or of the
 * platform when no tenant is configured for its alerts, is never alerted: neither opened, reminded nor resolved.
 */
@ApplicationScoped
public class IncidentService {

    private static final Set<String> STATUSES = Set.of("investigating", "identified", "monitoring", "resolved");
    private static final int MAX_BODY = 4000;

    private final Db db;
    private final MaintenanceService maintenance;
    private final Alerts alerts;
    private final IncidentMetrics metrics;
    private final Clock clock;

    IncidentService(Db db, MaintenanceService maintenance, Alerts alerts, IncidentMetrics metrics, Clock clock) {
        this.db = db;
        this.maintenance = maintenance;
        this.alerts = alerts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The target has failed the threshold in a row on its own: opens its incident unless one is open. */
    public Uni<Void> failing(SqlConnection tx, Target target, String reason, int failures, Instant at) {
        return IncidentSql.openId(tx, target.tenant(), target.id()).chain(open -> open != null
                ? Uni.createFrom().voidItem()
                : maintenance.covers(tx, target, at).chain(inMaintenance -> open(tx, target, reason, failures, at,
                        inMaintenance)));
    }

    private Uni<Void> open(SqlConnection tx, Target target, String reason, int failures, Instant at, boolean inMaintenance) {
        UUID id = Ids.next();
        boolean alerted = !inMaintenance && alerts.sent(target.tenant());
        return IncidentSql.open(tx, target.tenant(), id, target.id(), reason, at, inMaintenance, alerted).chain(opened -> {
            if (!opened) {
                return Uni.createFrom().voidItem();
            }
            db.afterCommit(tx, () -> metrics.opened(target.platform()));
            String body = "Opened after " + failures + " failed checks in a row: " + reason
                    + (inMaintenance ? " (during maintenance: no alert is sent)" : "");
            Incident incident = new Incident(target.tenant(), id, target.id(), target.name(), target.group(), "investigating",
                    reason, at, null, inMaintenance, List.of(), alerted);
            return IncidentSql.addUpdate(tx, target.tenant(), id, new IncidentUpdate(Ids.next(), at, "opened",
                    "investigating", body, null))
                    .chain(() -> alerted ? alert(tx, Alerts.OPENED, incident, at) : Uni.createFrom().voidItem());
        });
    }

    /** The target is down because the targets {@code roots} are: it is listed on their open incidents. */
    public Uni<Void> impacted(SqlConnection tx, Target target, List<UUID> roots) {
        return IncidentSql.addImpacted(tx, target.tenant(), roots, target.name());
    }

    /** The target has passed the threshold in a row: resolves its open incident, if any. */
    public Uni<Void> recovered(SqlConnection tx, Target target, int successes, Instant at) {
        return IncidentSql.resolveOpen(tx, target.tenant(), target.id(), at).chain(incident -> incident == null
                ? Uni.createFrom().voidItem()
                : IncidentSql.addUpdate(tx, target.tenant(), incident.id(), new IncidentUpdate(Ids.next(), at, "resolved",
                        "resolved", "Resolved after " + successes + " passed checks in a row", null))
                        .chain(() -> incident.alerted() ? alert(tx, Alerts.RESOLVED, incident, at)
                                : Uni.createFrom().voidItem()));
    }

    public Uni<Page<Incident>> list(UUID tenant, String status, PageParams page) {
        if (status != null && !"open".equals(status) && !"resolved".equals(status)) {
            throw new BadRequest("status", "must be open or resolved");
        }
        UUID before = page.after() == null ? null : page.after().id();
        return IncidentSql.page(db.pool(), tenant, status, before, page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), incident -> Cursor.of(incident.id())));
    }

    /** The tenant's or the platform's incident with its timeline; 404 otherwise. */
    public Uni<IncidentView> get(UUID tenant, UUID id) {
        return IncidentSql.find(db.pool(), tenant, id).map(incident -> found(incident, id))
                .chain(incident -> IncidentSql.updates(db.pool(), incident.tenant(), id)
                        .map(updates -> IncidentView.of(incident, updates)));
    }

    /** One entry of the timeline of the tenant's (or the platform's) incident; 404 when either is not found. */
    public Uni<IncidentUpdate> timelineEntry(UUID tenant, UUID id, UUID entryId) {
        return get(tenant, id).map(incident -> incident.updates().stream().filter(entry -> entry.id().equals(entryId))
                .findFirst().orElseThrow(() -> new NotFound("incident update", entryId)));
    }

    /**
     * Adds a person's update to the tenant's open incident; a {@code resolved} one resolves it (and the target has to
     * fail the threshold again to open another). The platform's incidents belong to no tenant: 409.
     */
    public Uni<IncidentUpdate> update(UUID tenant, UUID id, PostIncidentUpdate request, String author) {
        if (request.status() == null || !STATUSES.contains(request.status())) {
            throw new BadRequest("status", "must be one of investigating, identified, monitoring, resolved");
        }
        if (request.body() == null || request.body().isBlank() || request.body().length() > MAX_BODY) {
            throw new BadRequest("body", "must be 1 to " + MAX_BODY + " characters");
        }
        Instant now = now();
        boolean resolves = "resolved".equals(request.status());
        IncidentUpdate update = new IncidentUpdate(Ids.next(), now, resolves ? "resolved" : "update", request.status(),
                request.body(), author);
        return db.tx(tx -> IncidentSql.findForUpdate(tx, tenant, id).chain(found -> {
            Incident incident = found(found, id);
            if (incident.platform() && !Target.PLATFORM.equals(tenant)) {
                throw new Conflict("Incident " + id + " is the platform's: it is updated by the platform's operators");
            }
            if (!incident.open()) {
                throw new Conflict("Incident " + id + " is resolved");
            }
            Uni<Void> written = IncidentSql.addUpdate(tx, tenant, id, update)
                    .chain(() -> IncidentSql.setStatus(tx, tenant, id, request.status(), resolves ? now : null));
            if (!resolves) {
                return written;
            }
            return written.chain(() -> IncidentSql.resetFailures(tx, tenant, incident.targetId()))
                    .chain(() -> incident.alerted() ? alert(tx, Alerts.RESOLVED, incident, now) : Uni.createFrom().voidItem());
        })).replaceWith(update);
    }

    /** Writes a reminder for each open, alerted incident last alerted before {@code alertedBefore}. */
    Uni<Integer> remind(Instant alertedBefore, int limit) {
        Instant now = now();
        return db.tx(tx -> IncidentSql.dueReminders(tx, now, alertedBefore, limit)
                .call(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(incident -> alert(tx, Alerts.REMINDER, incident, now))
                        .collect().last())
                .map(List::size));
    }

    /** Counts the open incidents for the metrics. */
    Uni<Void> countOpen() {
        return IncidentSql.countOpen(db.pool()).invoke(metrics::open).replaceWithVoid();
    }

    private Uni<Void> alert(SqlConnection tx, String type, Incident incident, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidentId", incident.id().toString());
        data.put("targetId", incident.targetId().toString());
        data.put("target", incident.targetName());
        data.put("group", incident.group());
        data.put("platform", incident.platform());
        data.put("reason", incident.reason());
        data.put("openedAt", incident.openedAt().toString());
        data.put("resolvedAt", Alerts.RESOLVED.equals(type) ? at.toString() : null);
        data.put("impacted", incident.impacted());
        String what = switch (type) {
            case Alerts.OPENED -> " is down";
            case Alerts.RESOLVED -> " is up again";
            default -> " is still down";
        };
        String topic = incident.group() != null ? incident.group() : incident.targetName();
        return alerts.write(tx, incident.tenant(), type, topic, incident.targetName() + what, data);
    }

    private static Incident found(Incident incident, UUID id) {
        if (incident == null) {
            throw new NotFound("incident", id);
        }
        return incident;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
