package dev.flotilla.config.ofrep;

import java.util.UUID;

/** Whose flags an OFREP call evaluates: a tenant's, of one environment. */
public record OfrepScope(UUID tenant, String environment) {
}
