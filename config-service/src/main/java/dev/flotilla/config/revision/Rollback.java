package dev.flotilla.config.revision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The optional body of {@code POST .../revisions/{n}/rollback}: a message for the new revision, and the keys to restore
 * (of those revision {@code n} changed; all of them when absent).
 */
public record Rollback(@Size(max = 2000) String message, @Size(max = 500) List<@NotNull @Size(max = 200) String> keys) {
}
