package dev.flotilla.auth.token;

/** What a login or refresh answers: a short-lived access token and the next refresh token. */
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {
}
