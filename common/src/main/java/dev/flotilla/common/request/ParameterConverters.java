package dev.flotilla.common.request;

import dev.flotilla.common.error.InvalidParameter;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts the parameter types the APIs use (ids, whole numbers, instants) and reports a value that does not
 * fit as a 400 naming the parameter, instead of the bare 404 JAX-RS prescribes for a failed
 * conversion of a path or query parameter.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    private record Kind(String description, Function<String, Object> parse) {
    }

    private static final Map<Class<?>, Kind> KINDS = Map.of(
            UUID.class, new Kind("a valid id (a UUID)", ParameterConverters::canonicalUuid),
            Instant.class, new Kind("an ISO-8601 instant such as 2026-01-31T12:00:00Z", ParameterConverters::instant),
            Integer.class, new Kind("a whole number", Integer::valueOf),
            int.class, new Kind("a whole number", Integer::valueOf),
            Long.class, new Kind("a whole number", Long::valueOf),
            long.class, new Kind("a whole number", Long::valueOf));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Kind kind = KINDS.get(rawType);
        if (kind == null) {
            return null;
        }
        String name = parameterName(annotations);
        return (ParamConverter<T>) new ParamConverter<>() {
            @Override
            public Object fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return kind.parse().apply(value.trim());
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameter(name, "'" + value + "' is not " + kind.description());
                }
            }

            @Override
            public String toString(Object value) {
                return String.valueOf(value);
            }
        };
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    private static UUID canonicalUuid(String value) {
        // UUID.fromString also accepts short groups ("1-2-3-4-5"); ids are only ever canonical.
        if (value.length() != 36) {
            throw new IllegalArgumentException(value);
        }
        return UUID.fromString(value);
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam p) {
                return p.value();
            }
            if (annotation instanceof QueryParam q) {
                return q.value();
            }
            if (annotation instanceof RestPath p && !p.value().isEmpty()) {
                return p.value();
            }
            if (annotation instanceof RestQuery q && !q.value().isEmpty()) {
                return q.value();
            }
        }
        return "parameter";
    }
}
