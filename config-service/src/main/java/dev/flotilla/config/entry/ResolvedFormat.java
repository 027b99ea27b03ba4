package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.common.error.BadRequest;

import java.util.List;
import java.util.Locale;

/** The forms a resolved view is answered in ({@code ?format=}), and how each is written. */
public enum ResolvedFormat {
    JSON("application/json"),
    PROPERTIES("text/plain;charset=UTF-8"),
    YAML("application/yaml;charset=UTF-8");

    private final String mediaType;

    ResolvedFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static ResolvedFormat parse(String format) {
        if (format == null || format.isEmpty()) {
            return JSON;
        }
        for (ResolvedFormat candidate : values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(format)) {
                return candidate;
            }
        }
        throw new BadRequest("format", "must be json, properties or yaml");
    }

    /**
     * The view written in this form. JSON: {@code {namespace, env, entries: {key: {value, type, env, secret, masked}}}}
     * ({@code env} of an entry: the layer it comes from, null for the default).
     */
    public String render(String namespace, String env, List<ResolvedValue> values) {
        return switch (this) {
            case JSON -> json(namespace, env, values, null);
            case PROPERTIES -> PropertiesFormat.render(values);
            case YAML -> YamlFormat.render(values);
        };
    }

    /**
     * The keys of a view that changed after an index, as JSON: those still there in {@code entries}, as {@link #render}
     * writes them, and the keys no longer there in {@code removed}.
     */
    public static String renderChanged(String namespace, String env, List<ResolvedValue> values, List<String> removed) {
        return json(namespace, env, values, removed);
    }

    private static String json(String namespace, String env, List<ResolvedValue> values, List<String> removed) {
        ObjectNode view = EntryJson.mapper().createObjectNode();
        view.put("namespace", namespace);
        view.put("env", env.isEmpty() ? null : env);
        ObjectNode entries = view.putObject("entries");
        for (ResolvedValue value : values) {
            ObjectNode entry = entries.putObject(value.key());
            entry.set("value", value.value());
            entry.put("type", value.type());
            entry.put("env", value.env());
            entry.put("secret", value.secret());
            entry.put("masked", value.masked());
        }
        if (removed != null) {
            removed.forEach(view.putArray("removed")::add);
        }
        return view.toString();
    }
}
