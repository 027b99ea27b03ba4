package dev.flotilla.health.registry;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The targets file the tests start with ({@code src/test/resources/targets.yaml}) is loaded as its tenant's targets,
 * which the API reads but does not change; a file that is not valid names what is wrong in it.
 */
@QuarkusTest
class TargetsFileTest {

    private static final UUID FILE_TENANT = UUID.fromString("0192c3a4-0000-7000-8000-00000000f11e");
    private static final String TARGETS = "/api/v1/targets";

    @Inject
    TargetsFile file;

    private String id(String name) {
        return Requests.as(FILE_TENANT, "viewer").get(TARGETS).then().statusCode(200).extract()
                .path("items.find { it.name == '" + name + "' }.id");
    }

    @Test
    void theFilesTargetsAreItsTenantsWithTheirFieldsAndSource() {
        Requests.as(FILE_TENANT, "viewer").get(TARGETS).then()
                .body("items.name", hasItems("file-http", "file-tcp"));
        Requests.as(FILE_TENANT, "viewer").get(TARGETS + "/" + id("file-http")).then()
                .statusCode(200)
                .body("source", is("file"))
                .body("group", is("gitops"))
                .body("interval", is("PT1H"))
                .body("timeout", is("PT2S"))
                .body("conditions[1]", is("[RESPONSE_TIME] < 500"));
    }

    @Test
    void theFilesTargetsAreNotChangedThroughTheApi() {
        String id = id("file-tcp");
        Requests.as(FILE_TENANT, "admin").body(Map.of("interval", "2h")).patch(TARGETS + "/" + id).then()
                .spec(Problems.conflict());
        Requests.as(FILE_TENANT, "admin").delete(TARGETS + "/" + id).then().spec(Problems.conflict());
    }

    @Test
    void anInvalidConditionIsNamedByItsEntryAndIndex() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> file.read(Path.of("src/test/resources/targets-invalid.yaml")));
        assertTrue(refused.getMessage().contains("targets[1].conditions[0]: '[STATUS] is fine'"), refused.getMessage());
    }

    @Test
    void anUnknownFieldIsNamedInsteadOfIgnored() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> file.read(Path.of("src/test/resources/targets-unknown-field.yaml")));
        assertTrue(refused.getMessage().endsWith("targets[0].intervall: unknown field"), refused.getMessage());
    }

    @Test
    void aValidFileReadsAsItsEntries() {
        assertEquals(2, file.read(Path.of("src/test/resources/targets.yaml")).size());
    }
}
