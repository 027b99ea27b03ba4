package dev.flotilla.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ResolvedApiTest {

    private final ConfigApi api = new ConfigApi();
    private String ns;

    @BeforeEach
    void fillNamespace() {
        ns = api.namespace();
        api.put(ns, "db", null, ConfigApi.body("json", Map.of("host", "db.internal", "pool", Map.of("max", 5))))
                .statusCode(201);
        api.put(ns, "db", "prod", ConfigApi.body("json", Map.of("host", "db.prod", "hosts", List.of("a", "b"))))
                .statusCode(201);
        api.put(ns, "debug", null, ConfigApi.body("boolean", true)).statusCode(201);
        api.put(ns, "debug", "prod", ConfigApi.body("boolean", false)).statusCode(201);
        api.put(ns, "name", null, ConfigApi.body("string", "shop")).statusCode(201);
    }

    private String resolved(String env, String format) {
        return "/api/v1/namespaces/" + ns + "/resolved?env=" + env + "&format=" + format;
    }

    @Test
    void anEnvironmentSeesItsOwnEntriesOverTheNamespaceDefault() {
        api.member().get(resolved("prod", "json")).then()
                .statusCode(200).contentType(startsWith("application/json")).header("X-Flotilla-Index", "5")
                .body("namespace", equalTo(ns), "env", equalTo("prod"))
                .body("entries.db.value.host", equalTo("db.prod"), "entries.db.env", equalTo("prod"))
                .body("entries.debug.value", equalTo(false))
                .body("entries.name.value", equalTo("shop"), "entries.name.env", nullValue(), "entries.name.type",
                        equalTo("string"));
        api.member().get("/api/v1/namespaces/" + ns + "/resolved").then()
                .statusCode(200).body("env", nullValue(), "entries.db.value.host", equalTo("db.internal"))
                .body("entries.debug.value", equalTo(true));
    }

    @Test
    void thePropertiesFormGivesNestedValuesDottedKeys() throws Exception {
        String text = api.member().get(resolved("prod", "properties")).then()
                .statusCode(200).contentType(startsWith("text/plain")).extract().asString();
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        assertEquals(Map.of("db.host", "db.prod", "db.hosts[0]", "a", "db.hosts[1]", "b", "debug", "false", "name", "shop"),
                Map.copyOf(properties));
    }

    @Test
    void theYamlFormHoldsTheSameValuesAsTheJsonForm() throws Exception {
        String yaml = api.member().get(resolved("prod", "yaml")).then()
                .statusCode(200).contentType(startsWith("application/yaml")).extract().asString();
        JsonNode fromYaml = new YAMLMapper().readTree(yaml);
        JsonNode json = new ObjectMapper().readTree(api.member().get(resolved("prod", "json")).then().extract().asString());
        assertEquals(3, fromYaml.size());
        json.get("entries").fields().forEachRemaining(entry -> assertEquals(entry.getValue().get("value"),
                fromYaml.get(entry.getKey()), entry.getKey()));
    }

    @Test
    void ifNoneMatchWithTheCurrentETagIsNotModifiedUntilTheViewChanges() {
        String etag = api.member().get(resolved("prod", "json")).then().statusCode(200).extract().header("ETag");
        api.member().header("If-None-Match", etag).get(resolved("prod", "json")).then()
                .statusCode(304).header("ETag", etag).header("X-Flotilla-Index", "5");
        api.put(ns, "name", "dev", ConfigApi.body("string", "dev shop")).statusCode(201);
        api.member().header("If-None-Match", etag).get(resolved("prod", "json")).then()
                .statusCode(304).header("X-Flotilla-Index", "6");
        api.put(ns, "name", "prod", ConfigApi.body("string", "prod shop")).statusCode(201);
        api.member().header("If-None-Match", etag).get(resolved("prod", "json")).then()
                .statusCode(200).header("ETag", not(etag)).body("entries.name.value", equalTo("prod shop"));
    }

    @Test
    void eachFormHasItsOwnETag() {
        String json = api.member().get(resolved("prod", "json")).then().extract().header("ETag");
        api.member().header("If-None-Match", json).get(resolved("prod", "yaml")).then().statusCode(200)
                .header("ETag", not(json));
    }

    @Test
    void anUnknownFormatIsAValidationFailure() {
        api.member().get(resolved("prod", "xml")).then().spec(Problems.validationFailed())
                .body("errors[0].field", equalTo("format"));
    }

    @Test
    void anUnknownEnvironmentOrNamespaceIsNotFound() {
        api.member().get(resolved("qa", "json")).then().spec(Problems.notFound());
        api.member().get("/api/v1/namespaces/no-such/resolved").then().spec(Problems.notFound());
    }

    @Test
    void anEmptyNamespaceResolvesToAnEmptyView() {
        String empty = api.namespace();
        api.member().get("/api/v1/namespaces/" + empty + "/resolved?format=yaml").then().statusCode(200)
                .body(equalTo("{}\n"));
        api.member().get("/api/v1/namespaces/" + empty + "/resolved?format=properties").then().statusCode(200)
                .body(equalTo(""));
    }
}
