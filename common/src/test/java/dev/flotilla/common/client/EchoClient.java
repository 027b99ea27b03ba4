package dev.flotilla.common.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** A typed client of {@link HeaderEchoResource}, as a service would hold one of another service. */
@RegisterRestClient(configKey = "echo")
@RegisterClientHeaders(PropagatedHeaders.class)
@Path("/test/headers")
interface EchoClient {
    @GET
    Uni<Map<String, String>> echo();
}
