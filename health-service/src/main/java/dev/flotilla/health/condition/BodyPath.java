package dev.flotilla.health.condition;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath-like part after {@code [BODY]}, as Gatus reads it: names after dots, array indexes in
 * brackets ({@code .data[0].id}, {@code [1].name}, {@code .matrix[0][2]}).
 */
record BodyPath(List<Object> steps) {

    /** Parses what follows {@code [BODY]}; the reason of a refusal names the faulty part. */
    static BodyPath parse(String path) throws ConditionParser.Rejected {
        List<Object> steps = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw new ConditionParser.Rejected("the path [BODY]" + path + " has an empty name");
                }
                steps.add(path.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new ConditionParser.Rejected("the path [BODY]" + path + " has a [ without its ]");
                }
                steps.add(index(path.substring(i + 1, close), path));
                i = close + 1;
            } else {
                throw new ConditionParser.Rejected(
                        "after [BODY] comes a path such as .status or [0], not " + path);
            }
        }
        return new BodyPath(List.copyOf(steps));
    }

    private static Integer index(String text, String path) throws ConditionParser.Rejected {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            throw new ConditionParser.Rejected(
                    "[" + text + "] in the path [BODY]" + path + " is not an array index such as [0]");
        }
        return Integer.valueOf(text);
    }

    /** The node at this path under {@code root}, or null when the body has nothing there. */
    JsonNode find(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            if (step instanceof Integer index) {
                node = node.isArray() ? node.get(index) : null;
            } else {
                node = node.isObject() ? node.get((String) step) : null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
