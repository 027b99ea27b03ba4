package dev.flotilla.notification.email;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** auth-service's user contacts, asked as this service for the user's tenant. */
@RegisterRestClient(configKey = "auth")
@Path("/api/v1/users")
interface ContactApi {

    @GET
    @Path("{id}/contact")
    Uni<Contact> contact(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization);
}
