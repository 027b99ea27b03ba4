package dev.flotilla.health.state;

import dev.flotilla.health.incident.IncidentConfig;
import dev.flotilla.health.incident.IncidentService;
import dev.flotilla.health.registry.Target;
import dev.flotilla.health.result.Result;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Keeps each target's state with its results, in the transaction that records each, and opens or resolves its
 * incident from it. A target down while a target it depends on (by name, in its tenant) is down is impacted: it opens
 * no incident of its own and is listed on the open incidents of the roots it is down because of.
 */
@ApplicationScoped
public class TargetStates {

    private final IncidentService incidents;
    private final IncidentConfig config;

    TargetStates(IncidentService incidents, IncidentConfig config) {
        this.incidents = incidents;
        this.config = config;
    }

    /** Records what {@code result} changes of the target's state, inside {@code tx}. */
    public Uni<Void> recorded(SqlConnection tx, Target target, Result result) {
        boolean down = result.status() == Result.Status.DOWN;
        Uni<List<UUID>> roots = down && !target.dependsOn().isEmpty()
                ? StateSql.downDependencies(tx, target.tenant(), target.dependsOn())
                : Uni.createFrom().item(List.of());
        return roots.chain(downRoots -> StateSql.record(tx, target.tenant(), target.id(), result.status().name(),
                result.at(), down ? reason(result) : null, !downRoots.isEmpty()).chain(state -> {
                    if (state == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (!down) {
                        return state.consecutiveSuccesses() >= config.successThreshold()
                                ? incidents.recovered(tx, target, state.consecutiveSuccesses(), result.at())
                                : Uni.createFrom().voidItem();
                    }
                    if (state.impacted()) {
                        return incidents.impacted(tx, target, downRoots);
                    }
                    return state.consecutiveFailures() >= config.failureThreshold()
                            ? incidents.failing(tx, target, state.lastFailure(), state.consecutiveFailures(), result.at())
                            : Uni.createFrom().voidItem();
                }));
    }

    /** Why a result failed: its failing conditions, or the error that kept it from an answer. */
    static String reason(Result result) {
        if (!result.failing().isEmpty()) {
            return String.join("; ", result.failing());
        }
        return result.error() != null ? result.error() : "down";
    }
}
