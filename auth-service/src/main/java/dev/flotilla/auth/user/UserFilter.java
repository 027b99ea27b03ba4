package dev.flotilla.auth.user;

/** The filters of the user list; null means "any". */
public record UserFilter(String role, String status, String emailPrefix) {
}
