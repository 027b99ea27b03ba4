package dev.flotilla.health.condition;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * One observation being judged by a list of conditions: the body is parsed as JSON at most once, and only
 * when a condition looks into it.
 */
final class Evaluation {

    static final String NOT_OBSERVED = "not observed";
    static final String MISSING = "missing";
    static final String NOT_JSON = "body is not JSON";

    // Exact decimals, so a decimal in a body equals the same decimal in a condition; text after the JSON makes a
    // body not JSON.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Observation observation;
    private final String body;
    private JsonNode tree;
    private boolean parsed;

    Evaluation(Observation observation) {
        this.observation = observation;
        this.body = observation.body() == null ? null : observation.body().strip();
    }

    Observation observation() {
        return observation;
    }

    /** The body without surrounding whitespace, as Gatus compares it; null when there was none. */
    String body() {
        return body;
    }

    /** The body's JSON, or null when there is no body or it is not JSON. */
    JsonNode tree() {
        if (!parsed) {
            parsed = true;
            tree = parse(observation.body());
        }
        return tree;
    }

    /** The value at {@code path} in the body, or an absent value saying why there is none. */
    Value at(BodyPath path) {
        JsonNode node = nodeAt(path);
        return node == null ? Value.absent(whyNothingAt()) : Value.of(text(node));
    }

    /** The node at {@code path} in the body, or null when there is none (see {@link #whyNothingAt()}). */
    JsonNode nodeAt(BodyPath path) {
        JsonNode root = tree();
        return root == null ? null : path.find(root);
    }

    /** Why {@link #nodeAt} found nothing. */
    String whyNothingAt() {
        if (observation.body() == null) {
            return NOT_OBSERVED;
        }
        return tree() == null ? NOT_JSON : MISSING;
    }

    /** A JSON value as a condition sees it: strings unquoted, numbers in plain notation, the rest minified. */
    static String text(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() && !node.isIntegralNumber()) {
            BigDecimal decimal = node.decimalValue();
            return Math.abs(decimal.scale()) > 60 ? decimal.toString() : decimal.toPlainString();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException notJson) {
            return null;
        }
    }
}
