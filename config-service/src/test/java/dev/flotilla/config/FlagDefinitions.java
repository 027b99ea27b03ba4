package dev.flotilla.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flag and segment bodies as clients write them, for the API tests. */
public final class FlagDefinitions {

    private FlagDefinitions() {
    }

    /** A boolean flag with variants on/off, default off, and {@code rules}. */
    public static Map<String, Object> booleanFlag(boolean enabled, Object... rules) {
        Map<String, Object> variants = new LinkedHashMap<>();
        variants.put("on", true);
        variants.put("off", false);
        return flag("boolean", enabled, variants, "off", rules);
    }

    public static Map<String, Object> flag(String type, boolean enabled, Map<String, Object> variants, String defaultVariant,
            Object... rules) {
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("type", type);
        flag.put("enabled", enabled);
        flag.put("variants", variants);
        flag.put("defaultVariant", defaultVariant);
        flag.put("rules", List.of(rules));
        return flag;
    }

    /** A rule answering {@code variant} when every condition holds. */
    public static Map<String, Object> rule(String variant, Object... conditions) {
        return Map.of("conditions", List.of(conditions), "variant", variant);
    }

    /** A rule rolling {@code onPercent} % out to on, the rest to off. */
    public static Map<String, Object> rollout(int onPercent) {
        return Map.of("rollout", List.of(Map.of("variant", "on", "percentage", onPercent),
                Map.of("variant", "off", "percentage", 100 - onPercent)));
    }

    public static Map<String, Object> condition(String attribute, String operator, Object value) {
        return Map.of("attribute", attribute, "operator", operator, "value", value);
    }

    public static Map<String, Object> inSegment(String... segments) {
        return Map.of("operator", "inSegment", "values", List.of(segments));
    }

    public static Map<String, Object> segment(Object... conditions) {
        return Map.of("conditions", new ArrayList<>(List.of(conditions)));
    }
}
