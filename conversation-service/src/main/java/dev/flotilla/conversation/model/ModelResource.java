package dev.flotilla.conversation.model;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The configured model providers and their models, without addresses or keys. */
@Path("/api/v1/models")
@Authenticated
public class ModelResource {

    private final ModelClient models;

    ModelResource(ModelClient models) {
        this.models = models;
    }

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public ModelListing list() {
        return models.models();
    }
}
