package dev.flotilla.search.query;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** Search and completions over one collection. */
@Cancellable(false)
@Path("/api/v1/collections/{c}")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.SERVICE })
public class SearchResource {

    private final SearchService search;
    private final SuggestService suggest;
    private final Caller caller;

    public SearchResource(SearchService search, SuggestService suggest, Caller caller) {
        this.search = search;
        this.suggest = suggest;
        this.caller = caller;
    }

    @POST
    @Path("search")
    public Uni<SearchResponse> search(@RestPath UUID c, @NotNull @Valid SearchRequest request) {
        return search.search(caller.tenant(), c, request);
    }

    @GET
    @Path("suggest")
    public Uni<SuggestService.Suggestions> suggest(@RestPath UUID c, @RestQuery String q,
            @RestQuery @DefaultValue("10") @Min(value = 1, message = "must be at least 1") @Max(value = 50, message = "must be at most 50") int limit) {
        return suggest.suggest(caller.tenant(), c, q, limit);
    }
}
