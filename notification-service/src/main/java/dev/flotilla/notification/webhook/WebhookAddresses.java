package dev.flotilla.notification.webhook;

import dev.flotilla.common.outbound.AddressGuard;
import dev.flotilla.common.outbound.GuardedResolver;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.util.List;

/**
 * The SSRF guard of webhooks: the address a delivery to a host may connect to, if any. Endpoints may point only to
 * public addresses, or into the networks {@code flotilla.webhooks.allowed-networks} lists. Created at start-up, so a
 * malformed network list stops the service instead of the first delivery.
 */
@Startup
@ApplicationScoped
public class WebhookAddresses {

    private final GuardedResolver resolver;

    public WebhookAddresses(Vertx vertx, WebhookConfig config) {
        this.resolver = new GuardedResolver(vertx, AddressGuard.allowing(config.allowedNetworks().orElse(List.of())));
    }

    /**
     * The address to connect to for {@code host}; fails with {@link dev.flotilla.common.outbound.AddressRefused} or
     * {@link java.net.UnknownHostException}.
     */
    public Uni<InetAddress> resolve(String host) {
        return resolver.resolve(host);
    }
}
