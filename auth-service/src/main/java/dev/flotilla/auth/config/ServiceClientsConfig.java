package dev.flotilla.auth.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/**
 * The platform's own services' clients, provisioned at every start in the {@code default} tenant
 * ({@code FLOTILLA_PLATFORM_SERVICE_CLIENTS}, e.g. {@code task-service:<secret>,notification-service:<secret>};
 * in Kubernetes from a Secret). Each service calls as its client with {@code FLOTILLA_SERVICE_CLIENT_ID}
 * and {@code FLOTILLA_SERVICE_CLIENT_SECRET}; a changed secret replaces the old one at the next start.
 */
@ConfigMapping(prefix = "flotilla.platform")
public interface ServiceClientsConfig {

    /** {@code <client id>:<secret>} entries. */
    Optional<List<String>> serviceClients();
}
