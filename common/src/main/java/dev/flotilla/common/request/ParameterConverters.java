package dev.flotilla.common.request;

import dev.flotilla.common.error.InvalidParameter;
import dev.flotilla.common.json.NulCharacterException;
import dev.flotilla.common.json.NulCharacters;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts the parameter types the APIs use (ids, whole numbers, instants) and reports a value that does not
 * fit as a 400 naming the parameter, instead of the bare 404 JAX-RS prescribes for a failed
 * conversion of a path or query parameter.
 *
 * <p>
 * Text parameters (query, path, header, cookie and form parameters, and the text parts of a
 * multipart form) are refused with a 400 naming the parameter when they contain U+0000, which
 * PostgreSQL cannot store: the REST layer asks these converters for {@code String} parameters
 * too, so the check costs one {@code indexOf} per parameter.
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
        if (rawType == String.class) {
            return (ParamConverter<T>) new TextWithoutNul(declaredName(annotations));
        }
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

    /** Text as it came, unless it contains U+0000. */
    private record TextWithoutNul(String declaredName) implements ParamConverter<String> {

        @Override
        public String fromString(String value) {
            if (NulCharacters.in(value)) {
                throw new InvalidParameter(declaredName != null ? declaredName : parameterWithNul(),
                        NulCharacterException.MESSAGE);
            }
            return value;
        }

        @Override
        public String toString(String value) {
            return value;
        }
    }

    /**
     * The name of the current request's parameter that carries U+0000, for a parameter declared
     * without a name ({@code @RestForm String title}): the converter is not told the name then.
     */
    private static String parameterWithNul() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null) {
            return "parameter";
        }
        FormData form = request.getFormData();
        if (form != null) {
            for (String name : form) {
                for (FormValue value : form.get(name)) {
                    if (NulCharacters.in(name) || !value.isFileItem() && NulCharacters.in(value.getValue())) {
                        return name;
                    }
                }
            }
        }
        for (MultivaluedMap<String, String> parameters : List.of(request.getUriInfo().getQueryParameters(),
                request.getUriInfo().getPathParameters())) {
            for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
                if (NulCharacters.in(parameter.getKey()) || parameter.getValue().stream().anyMatch(NulCharacters::in)) {
                    return parameter.getKey();
                }
            }
        }
        return "parameter";
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

    /** The parameter's name where its annotation gives one, else {@code null}. */
    private static String declaredName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            String name = "";
            if (annotation instanceof FormParam f) {
                name = f.value();
            } else if (annotation instanceof HeaderParam h) {
                name = h.value();
            } else if (annotation instanceof CookieParam c) {
                name = c.value();
            } else if (annotation instanceof RestForm f) {
                name = f.value();
            } else if (annotation instanceof RestHeader h) {
                name = h.value();
            } else if (annotation instanceof RestCookie c) {
                name = c.value();
            }
            if (!name.isEmpty()) {
                return name;
            }
        }
        String name = parameterName(annotations);
        return "parameter".equals(name) ? null : name;
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
