package dev.flotilla.common.diagnostics;

import dev.flotilla.common.identity.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code GET /api/v1/caller}, on every service: how this service sees the caller's token.
 * Lets an operator check that a service trusts auth-service's keys, and is the trivial
 * authenticated endpoint the benchmarks measure.
 */
@Path("/api/v1/caller")
@Authenticated
public class CallerResource {

    private final Caller caller;
    private final String service;

    public CallerResource(Caller caller, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.caller = caller;
        this.service = service;
    }

    /** The caller as the service understands it. */
    public record CallerView(String service, String subject, UUID tenant, Set<String> roles) {
    }

    @GET
    @NonBlocking // reads the verified token only: no reason to leave the event loop
    @Produces(MediaType.APPLICATION_JSON)
    public CallerView get() {
        return new CallerView(service, caller.subject(), caller.tenant(), new TreeSet<>(caller.roles()));
    }
}
