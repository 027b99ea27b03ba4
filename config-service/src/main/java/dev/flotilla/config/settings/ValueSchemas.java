package dev.flotilla.config.settings;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The JSON Schemas of tenants' categories (networknt's validator; draft 2020-12 unless a schema's
 * {@code $schema} names an earlier draft). A schema is checked against its draft's meta-schema when
 * a category is created, and every value of the category is validated against it. Schemas never
 * reach the network: a {@code $ref} to anything but the schema itself and the drafts' own
 * meta-schemas (which ship inside the library) is refused, and patterns run with a budget
 * ({@link BoundedPatterns}).
 */
final class ValueSchemas {

    private static final int MAX_ERRORS = 20;

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaLoader(loader -> loader.fetchRemoteResources(false))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .regularExpressionFactory(BoundedPatterns.INSTANCE)
                            .build()));

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ValueSchemas() {
    }

    /** Fails with a 422 naming what is wrong unless {@code schema} (JSON text) is a schema values can be checked against. */
    static void requireUsable(String schema) {
        JsonNode tree = read(schema);
        if (!tree.isObject() && !tree.isBoolean()) {
            throw unusable("a JSON Schema is an object (or true or false)");
        }
        String dialect = tree.path("$schema").isString() ? tree.get("$schema").asString()
                : SpecificationVersion.DRAFT_2020_12.getDialectId();
        SpecificationVersion version = SpecificationVersion.fromDialectId(dialect).orElseThrow(() -> unusable(
                "$schema names no JSON Schema draft this service knows (drafts 4, 6, 7, 2019-09 and 2020-12)"));
        List<Error> errors = BoundedPatterns.within(() -> {
            try {
                return REGISTRY.getSchema(SchemaLocation.of(version.getDialectId())).validate(tree);
            } catch (SchemaException | BoundedPatterns.Exhausted e) {
                throw unusable(e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "schema is not a valid JSON Schema", fieldErrors("schema",
                    errors));
        }
        // A schema that refers to itself without end ({"$ref": "#"}) is only found out by following it.
        BoundedPatterns.within(() -> {
            try {
                return compile(schema).validate("null", InputFormat.JSON);
            } catch (StackOverflowError e) {
                throw unusable("it refers to itself without end");
            }
        });
    }

    /** Fails with a 422 listing where {@code value} (JSON text) breaks {@code schema}; {@code field} names the value. */
    static void requireValid(String schema, String field, String value) {
        List<Error> errors = BoundedPatterns.within(() -> {
            try {
                return compile(schema).validate(value, InputFormat.JSON);
            } catch (BoundedPatterns.Exhausted | StackOverflowError e) {
                throw new ProblemException(ProblemType.UNPROCESSABLE,
                        field + " could not be checked against the category's schema: " + e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    field + " does not satisfy the category's schema: " + errors.get(0).getMessage(),
                    fieldErrors(field, errors));
        }
    }

    /** The schema with every reference resolved now, so that one that cannot be resolved fails here. */
    private static Schema compile(String schema) {
        try {
            Schema compiled = REGISTRY.getSchema(schema, InputFormat.JSON);
            compiled.initializeValidators();
            return compiled;
        } catch (SchemaException | BoundedPatterns.Exhausted | IllegalArgumentException e) {
            throw unusable(e.getMessage());
        }
    }

    private static JsonNode read(String schema) {
        try {
            return JSON.readTree(schema);
        } catch (JacksonException e) {
            throw unusable("it is not JSON");
        }
    }

    private static List<Problem.FieldError> fieldErrors(String field, List<Error> errors) {
        return errors.stream().limit(MAX_ERRORS)
                .map(error -> new Problem.FieldError(field + pointer(error), error.getMessage()))
                .toList();
    }

    /** Where in the value an error is, as JSON Pointer ({@code /font/size}); empty at the value itself. */
    private static String pointer(Error error) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < error.getInstanceLocation().getNameCount(); i++) {
            pointer.append('/').append(error.getInstanceLocation().getName(i));
        }
        return pointer.toString();
    }

    private static ProblemException unusable(String why) {
        return new ProblemException(ProblemType.UNPROCESSABLE, "schema cannot be used: " + why);
    }
}
