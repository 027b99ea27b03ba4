package dev.flotilla.bench.verifying;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * One trivial answer behind two doors: open to anyone, and only to a caller with a valid token,
 * required the way Flotilla's services require it (a security annotation). Everything else is the
 * same (the shared module's token verification, the same document, the event loop), so the
 * difference between the two is what verifying and requiring a token adds to a request.
 */
@Path("/bench/trivial")
@NonBlocking
@Produces(MediaType.APPLICATION_JSON)
public class TrivialResource {

    /** What both doors answer. */
    public record Answer(String service, String status) {
    }

    private static final Answer ANSWER = new Answer("bench-verifying-service", "ok");

    @GET
    @Path("public")
    @PermitAll
    public Answer open() {
        return ANSWER;
    }

    @GET
    @Path("authenticated")
    @Authenticated
    public Answer authenticated() {
        return ANSWER;
    }
}
