package dev.flotilla.policy.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.policy.evaluation.RuleDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Converts between stored JSON documents ({@code jsonb} columns) and the service's records. */
@ApplicationScoped
public class PolicyDocuments {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<RuleDefinition>> RULES = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public PolicyDocuments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A version's document: {@code {"rules": [...]}}. */
    public Map<String, Object> rulesDocument(List<RuleDefinition> rules) {
        return Map.of("rules", mapper.convertValue(rules, List.class));
    }

    public List<RuleDefinition> rules(Map<String, Object> document) {
        return mapper.convertValue(document.get("rules"), RULES);
    }

    /** Any record as a JSON object. */
    public Map<String, Object> toJson(Object value) {
        return mapper.convertValue(value, MAP);
    }

    /** Any record as JSON text, for a {@code jsonb} parameter of a plain SQL statement. */
    public String toJsonText(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + value.getClass().getName(), e);
        }
    }

    public <T> T fromJson(Map<String, Object> json, Class<T> type) {
        return mapper.convertValue(json, type);
    }
}
