package dev.flotilla.auth.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request and response bodies of the user endpoints. */
public final class UserViews {

    /** The roles a person can hold (the {@code service} role belongs to service clients). */
    public static final String USER_ROLE = "admin|member|viewer";

    private UserViews() {
    }

    /**
     * How to reach a user, for the services that send them messages: the address, the name to
     * greet them by, and whether the account is active.
     */
    public record UserContact(UUID id, UUID tenantId, String email, String displayName, String status) {
        public static UserContact of(User user) {
            return new UserContact(user.id, user.tenantId, user.email, user.displayName, user.status);
        }
    }

    /** A user as the API shows it; never the password or its hash. */
    public record UserView(UUID id, UUID tenantId, String email, String displayName, List<String> roles,
            String status, Instant createdAt, Instant updatedAt) {
        public static UserView of(User user) {
            return new UserView(user.id, user.tenantId, user.email, user.displayName, user.roles.stream().sorted().toList(),
                    user.status, user.createdAt, user.updatedAt);
        }
    }

    /** A created user; {@code generatedPassword} only when none was given, shown this once. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreatedUser(UUID id, UUID tenantId, String email, String displayName, List<String> roles,
            String status, Instant createdAt, Instant updatedAt, String generatedPassword) {
        static CreatedUser of(User user, String generatedPassword) {
            UserView view = UserView.of(user);
            return new CreatedUser(view.id(), view.tenantId(), view.email(), view.displayName(), view.roles(), view.status(),
                    view.createdAt(), view.updatedAt(), generatedPassword);
        }
    }

    public record CreateUser(@NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String displayName,
            @NotEmpty Set<@NotNull @Pattern(regexp = USER_ROLE, message = "must be admin, member or viewer") String> roles,
            @Size(max = 1024) String password) {
    }

    /** A partial update by an administrator; absent fields stay as they are. */
    public record UpdateUser(@Size(min = 1, max = 200) String displayName,
            @Size(min = 1) Set<@NotNull @Pattern(regexp = USER_ROLE, message = "must be admin, member or viewer") String> roles,
            @Pattern(regexp = "active|disabled", message = "must be active or disabled") String status) {
    }

    /** What users may change about themselves. */
    public record UpdateMe(@NotBlank @Size(max = 200) String displayName) {
    }

    public record ChangePassword(@NotNull @Size(max = 1024) String currentPassword,
            @NotNull @Size(max = 1024) String newPassword) {
    }
}
