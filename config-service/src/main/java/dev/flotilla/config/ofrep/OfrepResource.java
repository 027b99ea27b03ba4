package dev.flotilla.config.ofrep;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The OpenFeature Remote Evaluation Protocol (OFREP 0.3.0): any OpenFeature SDK with an OFREP provider
 * evaluates the tenant's flags here. Callers authenticate with an API key ({@code X-API-Key}, which names the
 * environment) or a bearer token of any role (with the environment in {@value OfrepScopes#ENVIRONMENT_HEADER}).
 * Errors carry OFREP's {@code key}, {@code errorCode} and {@code errorDetails} inside a problem response.
 */
@Cancellable(false)
@Path("/ofrep/v1")
@Authenticated
public class OfrepResource {

    private final OfrepService ofrep;
    private final OfrepScopes scopes;
    private final OfrepStreams streams;

    public OfrepResource(OfrepService ofrep, OfrepScopes scopes, OfrepStreams streams) {
        this.ofrep = ofrep;
        this.scopes = scopes;
        this.streams = streams;
    }

    /** One flag for the context: 200 with its value; 404 {@code FLAG_NOT_FOUND}; 400 for the other error codes. */
    @POST
    @Path("evaluate/flags/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationRequest.class)))
    public Uni<EvaluationSuccess> evaluate(@RestPath String key,
            @RestHeader(OfrepScopes.ENVIRONMENT_HEADER) String environment, byte[] body) {
        return ofrep.evaluate(scopes.of(key, environment), key, body);
    }

    /**
     * Every flag of the environment for the context, with an {@code ETag}; {@code If-None-Match} with the
     * current one is a 304. {@code flagConfigEtag}: the version an event-stream signal named.
     */
    @POST
    @Path("evaluate/flags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "Every flag's evaluation", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkEvaluation.class)))
    @APIResponse(responseCode = "304", description = "The evaluations have the ETag of If-None-Match")
    public Uni<RestResponse<byte[]>> evaluateAll(@RestHeader(OfrepScopes.ENVIRONMENT_HEADER) String environment,
            @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @RestQuery String flagConfigEtag, byte[] body) {
        return ofrep.evaluateAll(scopes.of(null, environment), body, ifNoneMatch, flagConfigEtag)
                .map(answer -> answer.notModified()
                        ? RestResponse.ResponseBuilder.<byte[]> notModified().header(HttpHeaders.ETAG, answer.etag()).build()
                        : RestResponse.ResponseBuilder.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE)
                                .header(HttpHeaders.ETAG, answer.etag()).build());
    }

    /**
     * The event stream a bulk evaluation's {@code eventStreams} names: {@code event: message} with
     * {@code {"type": "refetchEvaluation", "etag": "<version>"}} on every change of the environment. The
     * signed {@code channel} of that address is its only credential (EventSource sends no headers); an address
     * that is not one of ours is a 404.
     */
    @GET
    @Path("events")
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<OutboundSseEvent> events(@RestQuery String channel, @RestHeader("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        return streams.open(channel, lastEventId).map(message -> message.isComment()
                ? sse.newEventBuilder().comment("keep-alive").build()
                : sse.newEventBuilder().name("message").id(Long.toString(message.version())).data(message.signal()).build());
    }
}
