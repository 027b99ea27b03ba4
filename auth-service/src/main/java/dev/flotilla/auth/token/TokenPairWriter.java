package dev.flotilla.auth.token;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes a {@link TokenPair}, the answer to every login and refresh, as Jackson's data binding
 * would (its four properties in order), with Jackson's streaming generator: data binding's
 * serializer look-up and reflective property reads for four values cost more than writing them.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class TokenPairWriter implements ServerMessageBodyWriter<TokenPair> {

    /** The JSON document of {@code pair}. */
    static byte[] json(TokenPair pair) {
        return JsonDocuments.write(128 + pair.accessToken().length() + pair.refreshToken().length(), json -> {
            json.writeStringField("accessToken", pair.accessToken());
            json.writeStringField("refreshToken", pair.refreshToken());
            json.writeStringField("tokenType", pair.tokenType());
            json.writeNumberField("expiresIn", pair.expiresIn());
        });
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return type == TokenPair.class;
    }

    @Override
    public void writeResponse(TokenPair pair, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(json(pair));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == TokenPair.class;
    }

    @Override
    public void writeTo(TokenPair pair, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws java.io.IOException {
        entityStream.write(json(pair));
    }
}
