package dev.flotilla.config.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.util.List;

/** A change request's changes as the JSON its row holds. */
@ApplicationScoped
class ChangeDocuments {

    private static final TypeReference<List<StoredChange>> CHANGES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    ChangeDocuments(ObjectMapper json) {
        this.json = json;
    }

    String write(List<StoredChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Changes do not write as JSON", e);
        }
    }

    List<StoredChange> read(String text) {
        try {
            return json.readValue(text, CHANGES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored changes do not read", e);
        }
    }
}
