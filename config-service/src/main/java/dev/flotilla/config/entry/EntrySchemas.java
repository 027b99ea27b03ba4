package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;

/**
 * JSON Schemas of entries (networknt's validator; draft 2020-12 unless the schema's {@code $schema} names another
 * draft). A schema must itself be valid, checked against its draft's meta-schema and by compiling it; references are
 * resolved only inside the schema and to the bundled meta-schemas, never fetched from the network.
 */
public final class EntrySchemas {

    private static final String DEFAULT_DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final int MAX_LISTED = 5;

    // Nothing is loaded from outside the schema but the meta-schemas bundled in the library: no file, no network.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaLoader(loader -> loader.allow(EntrySchemas::isMetaSchema)));

    private EntrySchemas() {
    }

    /** The schema compiled; a 422 naming the {@code schema} field when it is not a valid JSON Schema. */
    public static Schema compile(JsonNode schema) {
        if (!schema.isObject() && !schema.isBoolean()) {
            throw new Unprocessable("schema", "must be a JSON Schema: an object or a boolean");
        }
        String text = schema.toString();
        try {
            JsonNode dialect = schema.path("$schema");
            Schema meta = REGISTRY.getSchema(SchemaLocation.of(dialect.isTextual() ? dialect.asText() : DEFAULT_DIALECT));
            List<Error> errors = meta.validate(text, InputFormat.JSON);
            if (!errors.isEmpty()) {
                throw new Unprocessable("schema", "is not a valid JSON Schema: " + describe(errors));
            }
            Schema compiled = REGISTRY.getSchema(text, InputFormat.JSON);
            // Resolves every reference now, so that one pointing nowhere, or outside the schema, is refused when saved.
            compiled.initializeValidators();
            return compiled;
        } catch (SchemaException e) {
            throw new Unprocessable("schema", "is not a valid JSON Schema: " + e.getMessage());
        }
    }

    /** Fails with a 422 naming {@code value} and each violation (at most a few) when {@code value} breaks the schema. */
    public static void requireSatisfied(Schema schema, JsonNode value) {
        List<Error> errors;
        try {
            errors = schema.validate(value.toString(), InputFormat.JSON);
        } catch (SchemaException e) {
            throw new Unprocessable("schema", "cannot be applied: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new Unprocessable("value", "does not satisfy the schema: " + describe(errors));
        }
    }

    private static boolean isMetaSchema(AbsoluteIri iri) {
        String text = iri.toString();
        return text.startsWith("https://json-schema.org/") || text.startsWith("http://json-schema.org/");
    }

    private static String describe(List<Error> errors) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(errors.size(), MAX_LISTED); i++) {
            Error error = errors.get(i);
            String at = error.getInstanceLocation().toString();
            text.append(i == 0 ? "" : "; ").append(at.isEmpty() ? "" : at + ": ").append(error.getMessage());
        }
        if (errors.size() > MAX_LISTED) {
            text.append("; and ").append(errors.size() - MAX_LISTED).append(" more");
        }
        return text.toString();
    }
}
