package dev.flotilla.conversation.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** A function offered to the model: its name, what it does, and its parameters as a JSON Schema. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tool(String type, Definition function) {

    public static Tool function(String name, String description, JsonNode parameters) {
        return new Tool("function", new Definition(name, description, parameters));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Definition(String name, String description, JsonNode parameters) {
    }
}
