package dev.flotilla.config.flag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;

/** Definitions (flags, segments) to and from the JSON they are stored as, with the service's JSON settings. */
@ApplicationScoped
public class FlagDocuments {

    private final ObjectMapper json;

    public FlagDocuments(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored definition {@code text} as {@code type}; a definition that no longer reads fails. */
    public <T> T read(String text, Class<T> type) throws JsonProcessingException {
        return json.readValue(text, type);
    }

    /** Whether two JSON texts are the same value, member order aside. */
    boolean sameJson(String a, String b) {
        try {
            return json.readTree(a).equals(json.readTree(b));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectMapper json() {
        return json;
    }
}
