package dev.flotilla.search.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.search.collection.CollectionService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Documents of a collection: upsert by client-chosen id, read, delete, list, passages, export. */
@Cancellable(false)
@Path("/api/v1/collections/{c}/documents")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.SERVICE })
public class DocumentResource {

    public static final String NDJSON = "application/x-ndjson";

    private final DocumentService documents;
    private final CollectionService collections;
    private final Caller caller;
    private final ObjectMapper json;

    public DocumentResource(DocumentService documents, CollectionService collections, Caller caller, ObjectMapper json) {
        this.documents = documents;
        this.collections = collections;
        this.caller = caller;
        this.json = json;
    }

    /** Creates ({@code 201}) or replaces ({@code 200}) the document {@code id}. */
    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
    public Uni<RestResponse<DocumentView>> put(@RestPath UUID c, @RestPath String id, DocumentInput input, UriInfo uri) {
        if (input != null && input.id() != null && !input.id().equals(id)) {
            throw new BadRequest("id", "differs from the id in the path");
        }
        return documents.upsert(caller.tenant(), c, documents.check(id, input))
                .map(u -> u.created()
                        ? RestResponse.ResponseBuilder.<DocumentView> created(uri.getAbsolutePath())
                                .entity(DocumentView.of(u.document())).build()
                        : RestResponse.ok(DocumentView.of(u.document())));
    }

    @GET
    @Path("{id}")
    public Uni<DocumentView> get(@RestPath UUID c, @RestPath String id) {
        return documents.get(caller.tenant(), c, id).map(DocumentView::of);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
    public Uni<RestResponse<Void>> delete(@RestPath UUID c, @RestPath String id) {
        return documents.delete(caller.tenant(), c, id).map(ignored -> RestResponse.noContent());
    }

    /**
     * A page of documents (without bodies) in id order; {@code filter} is a metadata filter as JSON, {@code tag} repeatable.
     */
    @GET
    public Uni<Page<DocumentView>> list(@RestPath UUID c, @BeanParam @Valid PageParams page, @RestQuery String filter,
            @RestQuery List<String> tag) {
        return documents.list(caller.tenant(), c, page, parseFilter(filter), tag).map(p -> p.map(DocumentView::summary));
    }

    /** The passages the document is split into for retrieval, under the collection's chunking settings. */
    @GET
    @Path("{id}/passages")
    public Uni<Map<String, List<Passage>>> passages(@RestPath UUID c, @RestPath String id) {
        UUID tenant = caller.tenant();
        return collections.get(tenant, c).chain(collection -> documents.get(tenant, c, id)
                .map(d -> Map.of("items",
                        Chunker.split(d.body(), collection.settings().chunkSize(), collection.settings().chunkOverlap()))));
    }

    /** The whole collection as NDJSON, one document per line, streamed; what {@code import} reads back. */
    @GET
    @Path("export")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<ExportedDocument> export(@RestPath UUID c) {
        UUID tenant = caller.tenant();
        return collections.get(tenant, c)
                .onItem().transformToMulti(collection -> documents.export(tenant, c))
                .map(ExportedDocument::of);
    }

    private JsonNode parseFilter(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            return json.readTree(filter);
        } catch (Exception e) {
            throw new BadRequest("filter", "must be a JSON object");
        }
    }
}
