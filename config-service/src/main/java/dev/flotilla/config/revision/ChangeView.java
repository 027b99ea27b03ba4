package dev.flotilla.config.revision;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.flotilla.config.entry.StateView;

/**
 * What a revision did to one entry ({@code create}, {@code update}, {@code delete}), or how an entry differs between
 * two revisions: the entry before ({@code old}) and after ({@code new}), null where it did not exist. {@code env}:
 * the layer, null for the namespace default.
 */
public record ChangeView(String key, String env, String action, StateView old, @JsonProperty("new") StateView current) {
}
