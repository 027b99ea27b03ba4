package dev.flotilla.common.servicetoken;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * The service's own service client of auth-service, under {@code flotilla.service-client}
 * ({@code FLOTILLA_SERVICE_CLIENT_ID}, {@code FLOTILLA_SERVICE_CLIENT_SECRET}). auth-service's address is
 * {@code quarkus.rest-client.auth.url} ({@code FLOTILLA_AUTH_URL}).
 */
@ConfigMapping(prefix = "flotilla.service-client")
public interface ServiceClientConfig {

    /** The client id auth-service gave the service client ({@code svc-...}). */
    Optional<String> id();

    /** Its secret; from a Secret in Kubernetes, never committed. */
    Optional<String> secret();
}
