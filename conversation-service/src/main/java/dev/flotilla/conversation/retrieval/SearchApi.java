package dev.flotilla.conversation.retrieval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.flotilla.common.client.PropagatedHeaders;
import dev.flotilla.common.correlation.RequestIds;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * search-service's search on the wire ({@code POST /api/v1/collections/{c}/search}), asked in passage mode with the
 * user's token, so the user finds only what they may read. Used only through {@link SearchTransport}.
 */
@RegisterRestClient(configKey = "search")
@RegisterClientHeaders(PropagatedHeaders.class)
@Path("/api/v1/collections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface SearchApi {

    /** The search's request as search-service reads it; only what passage retrieval needs. */
    record Query(String q, int limit, String mode, boolean highlight) {

        static Query passages(String text, int limit) {
            return new Query(text, limit, "passages", false);
        }
    }

    /** search-service's answer, only what passage retrieval reads of it (a client of it ignores what it adds). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(List<Hit> hits) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(String id, double score, String title, Passage passage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Passage(int index, int start, int end, String text) {
    }

    @POST
    @Path("{collection}/search")
    Uni<Answer> search(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId, @PathParam("collection") String collection, Query query);

    /**
     * A 4xx is search-service's answer about this collection or this token (not found, forbidden): neither retried nor
     * a failure for the breaker; 408 and 429, being about its load, are.
     */
    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        int status = response.getStatus();
        boolean refused = status >= 400 && status < 500 && status != 408 && status != 429;
        return refused ? new SearchRefused(status) : null;
    }
}
