package dev.flotilla.health.heartbeat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.ProblemMappers;
import dev.flotilla.common.error.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/**
 * Heartbeats of push targets, sent by the jobs they watch. No bearer token of auth-service: the target's heartbeat
 * token is the proof, in {@code Authorization: Bearer} or, for the simplest cron line, {@code ?token=}. A wrong or
 * missing token is a 401 whether or not the target exists. {@code GET} does what {@code POST} does, for clients that
 * can only fetch a URL.
 */
@Cancellable(false)
@Path("/api/v1/targets/{id}/heartbeat")
@PermitAll
public class HeartbeatResource {

    private static final String BEARER = "Bearer ";

    private final HeartbeatService heartbeats;
    private final ObjectMapper json;

    public HeartbeatResource(HeartbeatService heartbeats, ObjectMapper json) {
        this.heartbeats = heartbeats;
        this.json = json;
    }

    /**
     * A heartbeat; the optional JSON body reports the job's own verdict ({@code down} with a message when it failed).
     * The body is JSON whatever its Content-Type says, since {@code curl -d} sends a form's.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HeartbeatReport.class)))
    public Uni<RestResponse<Void>> post(@RestPath UUID id, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestQuery String token, String body) {
        return heartbeats.receive(id, token(authorization, token), () -> report(body))
                .map(ignored -> RestResponse.accepted());
    }

    /** A heartbeat, the verdict in {@code ?status=&message=}. */
    @GET
    public Uni<RestResponse<Void>> get(@RestPath UUID id, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestQuery String token, @RestQuery String status, @RestQuery String message) {
        return heartbeats.receive(id, token(authorization, token), () -> new HeartbeatReport(status, message))
                .map(ignored -> RestResponse.accepted());
    }

    @ServerExceptionMapper
    public Response wrongToken(WrongHeartbeatToken e, HttpServerRequest request) {
        return Response.fromResponse(ProblemMappers.respond(request, ProblemType.UNAUTHORIZED, e.getMessage(), List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** The report {@code body} holds; an empty body reports up. */
    private HeartbeatReport report(String body) {
        if (body == null || body.isBlank()) {
            return new HeartbeatReport(null, null);
        }
        try {
            HeartbeatReport report = json.readValue(body, HeartbeatReport.class);
            return report != null ? report : new HeartbeatReport(null, null);
        } catch (JsonProcessingException e) {
            throw new BadRequest("body", "must be a JSON object {status: up|down, message}");
        }
    }

    /** The bearer token of the header, else the query's. */
    private static String token(String authorization, String query) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return query;
    }
}
