package dev.flotilla.notification.email;

import java.util.UUID;

/** How auth-service says to reach a user: {@code GET /api/v1/users/{id}/contact}. */
public record Contact(UUID id, UUID tenantId, String email, String displayName, String status) {

    public boolean active() {
        return "active".equals(status);
    }
}
