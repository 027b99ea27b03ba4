package dev.flotilla.health.history;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/**
 * A target's history: {@code ?from=&to=} (ISO-8601 instants; by default the last 24 hours) by {@code step} ({@code 1m},
 * {@code 1h}, {@code 1d}; by default {@code 1h}), for everyone who may read the target.
 */
@Cancellable(false)
@Path("/api/v1/targets/{id}/history")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER, Roles.VIEWER })
public class HistoryResource {

    private final HistoryService history;
    private final Caller caller;

    public HistoryResource(HistoryService history, Caller caller) {
        this.history = history;
        this.caller = caller;
    }

    @GET
    public Uni<HistoryView> get(@RestPath UUID id, @RestQuery String from, @RestQuery String to, @RestQuery String step) {
        return history.history(caller.tenant(), id, from, to, step);
    }
}
