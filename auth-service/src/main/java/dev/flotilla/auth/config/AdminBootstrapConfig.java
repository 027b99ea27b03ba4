package dev.flotilla.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The first administrator, created on the first start with an empty database
 * ({@code FLOTILLA_ADMIN_EMAIL}, {@code FLOTILLA_ADMIN_PASSWORD}).
 */
@ConfigMapping(prefix = "flotilla.admin")
public interface AdminBootstrapConfig {

    /** E-mail of the first administrator of the {@code default} tenant. */
    @WithDefault("admin@flotilla.local")
    String email();

    /** Password of the first administrator; generated and printed once when absent. */
    Optional<String> password();
}
