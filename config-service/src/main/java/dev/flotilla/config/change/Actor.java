package dev.flotilla.config.change;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.config.entry.Reader;

import java.util.UUID;

/** Who acts on change requests: the tenant, the subject, and whether an admin (who may approve and change flags). */
record Actor(UUID tenant, String subject, boolean admin, boolean service) {

    static Actor of(Caller caller) {
        return new Actor(caller.tenant(), caller.subject(), caller.hasRole(Roles.ADMIN), caller.hasRole(Roles.SERVICE));
    }

    Reader reader() {
        return new Reader(tenant, admin || service);
    }
}
