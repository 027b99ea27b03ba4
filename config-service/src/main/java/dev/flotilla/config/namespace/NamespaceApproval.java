package dev.flotilla.config.namespace;

import java.util.UUID;

/** A namespace's id, and whether its entries change only through approved change requests. */
public record NamespaceApproval(UUID id, boolean requiresApproval) {
}
