package dev.flotilla.common.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.json.NulCharacters;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;
import java.util.Map;

/** A resource that exists only in the tests: text arriving every way a service receives it. */
@Path("/api/v1/texts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TextResource {

    public record Item(String name) {
    }

    public record Text(String name, List<String> tags, List<Item> items, Map<String, String> labels, JsonNode metadata,
            Map<String, Object> extra) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Text echo(Text text) {
        return text;
    }

    @GET
    @Path("{name}")
    public Map<String, String> find(@PathParam("name") String name, @QueryParam("q") String query) {
        return Map.of("name", name, "q", query == null ? "" : query);
    }

    @POST
    @Path("form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, String> form(@FormParam("grant_type") String grantType, @RestForm String note) {
        return Map.of("grantType", String.valueOf(grantType), "note", String.valueOf(note));
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Map<String, String> upload(@RestForm("file") FileUpload file, @RestForm String title) {
        return Map.of("file", NulCharacters.requireAbsent(file.fileName(), "file"), "title", String.valueOf(title));
    }
}
