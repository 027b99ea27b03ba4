package dev.flotilla.search.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.json.NulCharacters;
import dev.flotilla.search.config.SearchConfig;
import dev.flotilla.search.document.DocumentInput;
import dev.flotilla.search.document.DocumentResource;
import dev.flotilla.search.document.DocumentService;
import dev.flotilla.search.document.DocumentView;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Getting documents in: file upload (multipart) and NDJSON import. */
@Cancellable(false)
@Path("/api/v1/collections/{c}/documents")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.SERVICE })
public class IngestResource {

    private final DocumentService documents;
    private final ImportService imports;
    private final TextExtractor extractor;
    private final SearchConfig config;
    private final ObjectMapper json;
    private final Caller caller;

    public IngestResource(DocumentService documents, ImportService imports, TextExtractor extractor, SearchConfig config,
            ObjectMapper json, Caller caller) {
        this.documents = documents;
        this.imports = imports;
        this.extractor = extractor;
        this.config = config;
        this.json = json;
        this.caller = caller;
    }

    /**
     * Creates a document from an uploaded file (form part {@code file}): its text is extracted
     * on a worker thread. Optional parts: {@code id} (default: a new id), {@code title} (default:
     * the file's own title, else its name), {@code tags} (repeatable), {@code metadata} (a JSON
     * object), {@code source} (default: the file name).
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<RestResponse<DocumentView>> upload(@RestPath UUID c, @RestForm("file") FileUpload file, @RestForm String id,
            @RestForm String title, @RestForm List<String> tags, @RestForm String metadata,
            @RestForm String source, UriInfo uri) {
        if (file == null) {
            throw new BadRequest("file", "a file part is required");
        }
        NulCharacters.requireAbsent(file.fileName(), "file");
        long max = config.ingest().maxUploadSize().asLongValue();
        if (file.size() > max) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The file is larger than the " + max + " bytes this service accepts");
        }
        UUID tenant = caller.tenant();
        String documentId = id == null || id.isBlank() ? Ids.next().toString() : id;
        JsonNode meta = parseMetadata(metadata);
        List<String> tagList = tags == null ? List.of() : new ArrayList<>(tags);
        return Uni.createFrom().item(() -> extractor.extract(file.uploadedFile(), file.contentType(), file.fileName()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(extracted -> {
                    if (extracted.text().isBlank()) {
                        throw new ProblemException(ProblemType.UNPROCESSABLE, "No text could be extracted from the file");
                    }
                    String name = file.fileName() == null ? documentId : file.fileName();
                    String chosenTitle = title != null && !title.isBlank() ? title
                            : extracted.title() != null ? extracted.title() : name.replaceFirst("\\.[^.]+$", "");
                    return documents.check(documentId,
                            new DocumentInput(documentId, chosenTitle, extracted.text(), tagList, meta,
                                    source != null ? source : name));
                })
                .chain(content -> documents.upsert(tenant, c, content))
                .map(u -> RestResponse.ResponseBuilder
                        .<DocumentView> created(uri.getAbsolutePathBuilder().path(u.document().id()).build())
                        .entity(DocumentView.of(u.document())).build());
    }

    /** Imports NDJSON, one document per line; answers with the counts and the refused lines. */
    @POST
    @Path("import")
    @Consumes({ DocumentResource.NDJSON, "application/jsonl", "application/json", MediaType.TEXT_PLAIN })
    @Blocking
    public ImportReport importNdjson(@RestPath UUID c, InputStream body) {
        return imports.importNdjson(caller.tenant(), c, body);
    }

    private JsonNode parseMetadata(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return null;
        }
        try {
            return json.readTree(metadata);
        } catch (Exception e) {
            throw new BadRequest("metadata", "must be a JSON object");
        }
    }
}
