package dev.flotilla.conversation.model;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * A test-only endpoint that calls a model inside a request, as the chat will, so tests see the
 * problem responses a client gets. Left out of the OpenAPI document: it is no operation of the service.
 */
@Path("/test/model")
@PermitAll
public class ModelProbe {

    private final ModelClient models;

    ModelProbe(ModelClient models) {
        this.models = models;
    }

    @POST
    @Path("complete")
    @Operation(hidden = true)
    public Uni<ChatCompletion> complete(@QueryParam("provider") String provider, @QueryParam("text") String text) {
        return models.complete(provider, ChatRequest.of(List.of(ChatMessage.user(text))));
    }
}
