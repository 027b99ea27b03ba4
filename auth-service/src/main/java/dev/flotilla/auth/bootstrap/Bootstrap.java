package dev.flotilla.auth.bootstrap;

import dev.flotilla.auth.client.ClientService;
import dev.flotilla.auth.config.AdminBootstrapConfig;
import dev.flotilla.auth.config.ServiceClientsConfig;
import dev.flotilla.auth.key.KeyService;
import dev.flotilla.auth.registration.RegistrationService;
import dev.flotilla.auth.tenant.TenantService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * First-start work, before the service answers requests: a signing key exists and is loaded, and an
 * empty database gets the {@code default} tenant and its administrator. A generated password is
 * printed exactly once, on the one log line the launcher looks for; a configured one never is.
 * On every start, the platform services' clients of the configuration are provisioned.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    private final KeyService keys;
    private final RegistrationService registrations;
    private final AdminBootstrapConfig admin;
    private final TenantService tenants;
    private final ClientService clients;
    private final ServiceClientsConfig platform;

    public Bootstrap(KeyService keys, RegistrationService registrations, AdminBootstrapConfig admin, TenantService tenants,
            ClientService clients, ServiceClientsConfig platform) {
        this.keys = keys;
        this.registrations = registrations;
        this.admin = admin;
        this.tenants = tenants;
        this.clients = clients;
        this.platform = platform;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> keys.ensureSigningKey()
                .chain(() -> registrations.bootstrap(admin.email(), admin.password().orElse(null)))
                .invoke(created -> {
                    if (created == null) {
                        return;
                    }
                    String password = created.getValue();
                    LOG.info("First administrator created: tenant=default email=" + created.getKey().email
                            + (password.isEmpty() ? "" : " password=" + password));
                })
                .chain(this::provisionServiceClients));
    }

    /** The clients of {@code flotilla.platform.service-clients}, created or given their configured secret. */
    private Uni<Void> provisionServiceClients() {
        List<String[]> entries = platform.serviceClients().orElse(List.of()).stream()
                .map(String::strip).filter(entry -> !entry.isEmpty()).map(Bootstrap::clientEntry).toList();
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> tenants.lockPlatform().chain(tenant -> Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(entry -> clients.provision(tenant.id, entry[0], entry[1])
                        .invoke(changed -> {
                            if (changed) {
                                LOG.infof("Platform service client %s provisioned", entry[0]);
                            }
                        }))
                .collect().asList()))
                .replaceWithVoid();
    }

    private static String[] clientEntry(String entry) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new IllegalStateException("flotilla.platform.service-clients (FLOTILLA_PLATFORM_SERVICE_CLIENTS) takes "
                    + "<client id>:<secret> entries; one is not");
        }
        return new String[] { entry.substring(0, colon), entry.substring(colon + 1) };
    }
}
