package dev.flotilla.auth.password;

import dev.flotilla.auth.config.TestAuthConfig;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a new password must be, with the default settings: 10 to 128 characters, not a common one, not the e-mail. */
class PasswordPolicyTest {

    private static final String EMAIL = "someone@example.com";

    private final PasswordPolicy policy = new PasswordPolicy(TestAuthConfig.defaults());

    private BadRequest refusal(String password) {
        return assertThrows(BadRequest.class, () -> policy.check("password", password, EMAIL));
    }

    @Test
    void aPasswordShorterThanTheMinimumIsRefused() {
        assertEquals("password: must be 10 to 128 characters long", refusal("nine-char").getMessage());
    }

    @Test
    void aPasswordOfTheMinimumLengthIsAccepted() {
        assertDoesNotThrow(() -> policy.check("password", "ten-chars!", EMAIL));
    }

    @Test
    void aPasswordLongerThanTheMaximumIsRefused() {
        assertEquals("password: must be 10 to 128 characters long", refusal("x".repeat(129)).getMessage());
    }

    @Test
    void aPasswordWithALoneSurrogateIsRefusedNamingTheField() {
        for (String password : List.of("\uD800-a-long-enough-passphrase", "a-long-enough-passphrase-\uDC00",
                "a-long-\uDE00\uD83D-passphrase")) {
            assertEquals("password: must be valid Unicode text (it contains a lone UTF-16 surrogate)",
                    refusal(password).getMessage());
        }
    }

    @Test
    void theLengthIsCountedInCharactersNotInUtf16Units() {
        // 65 characters, each two UTF-16 units: within the maximum of 128 characters.
        assertDoesNotThrow(() -> policy.check("password", "\uD83D\uDE00".repeat(65), EMAIL));
    }

    @Test
    void anEmptyPasswordIsRefused() {
        assertEquals("password: must not be empty", refusal("").getMessage());
    }

    @Test
    void aMissingPasswordIsRefused() {
        assertEquals("password: must not be empty", refusal(null).getMessage());
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() {
        assertTrue(refusal("PassWord123").getMessage().contains("too common"));
    }

    @Test
    void thePasswordMayNotBeTheEmailAddressInAnyCase() {
        assertEquals("password: must not be the e-mail address", refusal("SomeOne@Example.com").getMessage());
    }

    @Test
    void theRefusalNamesTheFieldItWasAskedAbout() {
        BadRequest refusal = assertThrows(BadRequest.class, () -> policy.check("newPassword", "short", EMAIL));

        assertEquals(List.of("newPassword"), refusal.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void aGeneratedPasswordIsTwentyCharactersWithoutLookAlikes() {
        String generated = policy.generate();

        assertTrue(generated.matches("[A-HJ-NP-Za-km-z2-9]{20}"), generated);
    }

    @Test
    void aGeneratedPasswordPassesThePolicy() {
        assertDoesNotThrow(() -> policy.check("password", policy.generate(), EMAIL));
    }

    @Test
    void everyGeneratedPasswordIsNew() {
        assertNotEquals(policy.generate(), policy.generate());
    }
}
