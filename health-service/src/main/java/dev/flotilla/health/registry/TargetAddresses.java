package dev.flotilla.health.registry;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.outbound.AddressGuard;
import dev.flotilla.common.outbound.AddressRefused;
import dev.flotilla.common.outbound.GuardedResolver;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The SSRF guard of checks, as webhooks have it: a tenant's target may reach public addresses and the networks
 * {@code flotilla.health.allowed-networks} lists; the suite's own services are reached wherever they are. Created at
 * start-up, so a malformed network list stops the service instead of the first check.
 */
@Startup
@ApplicationScoped
public class TargetAddresses {

    private final GuardedResolver guarded;
    private final GuardedResolver suite;

    public TargetAddresses(Vertx vertx, HealthConfig config) {
        this.guarded = new GuardedResolver(vertx, AddressGuard.allowing(config.allowedNetworks().orElse(List.of())));
        this.suite = new GuardedResolver(vertx, AddressGuard.allowing(List.of("0.0.0.0/0", "::/0")));
    }

    /**
     * The address to connect to for {@code host} of a target from {@code source}; fails with {@link AddressRefused} or
     * {@link UnknownHostException}.
     */
    public Uni<InetAddress> resolve(TargetSource source, String host) {
        return (source == TargetSource.SUITE ? suite : guarded).resolve(host);
    }

    /** Nothing when a target from {@code source} may reach {@code host}; a 400 naming {@code url} when not. */
    Uni<Void> check(TargetSource source, String host) {
        return resolve(source, host)
                .onFailure(AddressRefused.class).transform(e -> new BadRequest("url", "is refused: " + e.getMessage()))
                .onFailure(UnknownHostException.class)
                .transform(e -> new BadRequest("url", "names host " + host + ", which does not resolve"))
                .replaceWithVoid();
    }
}
