package dev.flotilla.config.entry;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;

import java.util.UUID;

/** Who reads configuration: the tenant, and whether secrets are shown in plain (admins and services only). */
public record Reader(UUID tenant, boolean reveal) {

    public static Reader of(Caller caller) {
        return new Reader(caller.tenant(), caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SERVICE));
    }
}
