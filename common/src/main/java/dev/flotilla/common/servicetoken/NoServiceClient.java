package dev.flotilla.common.servicetoken;

/** No service client is configured, so nothing can be called as this service. */
public final class NoServiceClient extends RuntimeException {

    NoServiceClient() {
        super("No service client is configured: set FLOTILLA_SERVICE_CLIENT_ID and FLOTILLA_SERVICE_CLIENT_SECRET"
                + " (flotilla.service-client.id and .secret) to a service client of auth-service", null, false, false);
    }
}
