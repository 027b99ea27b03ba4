package dev.flotilla.common.servicetoken;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.flotilla.common.client.PropagatedHeaders;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * auth-service's token endpoint on the wire (RFC 6749 §4.4, the client authenticated with HTTP
 * Basic). Used only through {@link TokenTransport}, which adds the timeout, retry and circuit breaker.
 */
@RegisterRestClient(configKey = "auth")
@RegisterClientHeaders(PropagatedHeaders.class)
@Path("/oauth2/token")
interface TokenApi {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Answer> token(@HeaderParam(HttpHeaders.AUTHORIZATION) String basic, @FormParam("grant_type") String grantType,
            @FormParam("scope") String scope);

    /**
     * A 400 or 401 is auth-service refusing these credentials ({@code invalid_client} and the
     * like): the same request gets the same answer, so it is neither retried nor counted against
     * auth-service. Everything else keeps the default mapping and may be retried.
     */
    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        int status = response.getStatus();
        if (status != 400 && status != 401) {
            return null;
        }
        String error = null;
        try {
            error = new JsonObject(response.readEntity(String.class)).getString("error");
        } catch (RuntimeException unreadable) {
            // The status alone says enough.
        }
        return new ServiceTokenRefused(status, error);
    }

    /** The token response; fields auth-service may add later are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") Long expiresIn) {
    }
}
