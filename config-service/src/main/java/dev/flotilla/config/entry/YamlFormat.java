package dev.flotilla.config.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;

/**
 * A resolved view as a YAML mapping of each key to its value, JSON values as YAML structures. Keys stay as they are
 * (a key with dots is not split into nested mappings), so every entry reads back under its own key. Strings are
 * quoted, so none is read back as a boolean, number or null.
 */
public final class YamlFormat {

    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private YamlFormat() {
    }

    public static String render(List<ResolvedValue> values) {
        ObjectNode mapping = MAPPER.createObjectNode();
        values.forEach(value -> mapping.set(value.key(), value.value()));
        if (mapping.isEmpty()) {
            return "{}\n";
        }
        try {
            return MAPPER.writeValueAsString(mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not write as YAML", e);
        }
    }
}
