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
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link TokenPair}, the answer to every login and refresh, as the JSON Jackson would
 * write (its four properties in order), without Jackson: a generator and reflective property
 * reads for four values cost more than building the text.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class TokenPairWriter implements ServerMessageBodyWriter<TokenPair> {

    /** The JSON document of {@code pair}. */
    static byte[] json(TokenPair pair) {
        StringBuilder json = new StringBuilder(128 + pair.accessToken().length() + pair.refreshToken().length());
        JsonText.string(json.append("{\"accessToken\":"), pair.accessToken());
        JsonText.string(json.append(",\"refreshToken\":"), pair.refreshToken());
        JsonText.string(json.append(",\"tokenType\":"), pair.tokenType());
        json.append(",\"expiresIn\":").append(pair.expiresIn()).append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
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
