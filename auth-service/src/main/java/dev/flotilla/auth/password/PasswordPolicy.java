package dev.flotilla.auth.password;

import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.common.error.BadRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be (NIST SP 800-63B): long enough, not absurdly long, and not one of the
 * passwords attackers try first ({@code common-passwords.txt}, compared case-insensitively), and
 * well-formed Unicode text (no lone UTF-16 surrogate, which has no UTF-8 form to hash). No
 * composition rules. Also generates the passwords shown once to an administrator.
 */
@ApplicationScoped
public class PasswordPolicy {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final AuthConfig.Passwords config;
    private final Set<String> common;
    private final SecureRandom random = new SecureRandom();

    public PasswordPolicy(AuthConfig config) {
        this.config = config.passwords();
        this.common = load();
    }

    /** Rejects an unacceptable password as a 400 naming {@code field}. */
    public void check(String field, String password, String email) {
        if (password == null || password.isEmpty()) {
            throw new BadRequest(field, "must not be empty");
        }
        if (!UnicodeText.isWellFormed(password)) {
            throw new BadRequest(field, "must be valid Unicode text (it contains a lone UTF-16 surrogate)");
        }
        int length = password.codePointCount(0, password.length());
        if (length < config.minLength() || length > config.maxLength()) {
            throw new BadRequest(field, "must be " + config.minLength() + " to " + config.maxLength() + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw new BadRequest(field, "is too common; choose a password that is not on lists of frequently used ones");
        }
        if (email != null && lower.equals(email.toLowerCase(Locale.ROOT))) {
            throw new BadRequest(field, "must not be the e-mail address");
        }
    }

    public String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
