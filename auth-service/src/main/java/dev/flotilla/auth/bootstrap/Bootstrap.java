package dev.flotilla.auth.bootstrap;

import dev.flotilla.auth.config.AdminBootstrapConfig;
import dev.flotilla.auth.key.KeyService;
import dev.flotilla.auth.registration.RegistrationService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * First-start work, before the service answers requests: a signing key exists and is loaded, and an
 * empty database gets the {@code default} tenant and its administrator. A generated password is
 * printed exactly once, on the one log line the launcher looks for; a configured one never is.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    private final KeyService keys;
    private final RegistrationService registrations;
    private final AdminBootstrapConfig admin;

    public Bootstrap(KeyService keys, RegistrationService registrations, AdminBootstrapConfig admin) {
        this.keys = keys;
        this.registrations = registrations;
        this.admin = admin;
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
                }));
    }
}
