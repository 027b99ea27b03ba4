package dev.flotilla.common.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.HashMap;
import java.util.Map;

/** Test-only endpoints: one reports the headers it got, the other calls it through a typed client. */
@Path("/test")
public class HeaderEchoResource {

    private final EchoClient client;

    HeaderEchoResource(@RestClient EchoClient client) {
        this.client = client;
    }

    @GET
    @Path("headers")
    public Map<String, String> headers(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId) {
        Map<String, String> seen = new HashMap<>();
        seen.put("authorization", authorization);
        seen.put("requestId", requestId);
        return seen;
    }

    @GET
    @Path("relay")
    public Uni<Map<String, String>> relay() {
        return client.echo();
    }
}
