package dev.flotilla.config.flag;

import jakarta.validation.constraints.Size;

/** The optional body of {@code POST /api/v1/flags/{key}/revisions/{n}/rollback}: a message for the new revision. */
public record FlagRollback(@Size(max = 2000) String message) {
}
