package dev.flotilla.task.task;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bounds a client's back-off is checked against as part of a request body. */
class BackoffTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidation() {
        factory.close();
    }

    private static List<String> problems(Backoff backoff) {
        return validator.validate(backoff).stream().map(ConstraintViolation::getMessage).toList();
    }

    @Test
    void aMultiplierFromOneToTenIsAccepted() {
        assertEquals(List.of(), problems(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 1.0)));
        assertEquals(List.of(), problems(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 10.0)));
    }

    @Test
    void aMultiplierBelowOneIsRefused() {
        assertEquals(List.of("must be at least 1.0"), problems(new Backoff(null, null, 0.5)));
    }

    @Test
    void aMultiplierAboveTenIsRefused() {
        assertEquals(List.of("must be at most 10.0"), problems(new Backoff(null, null, 10.5)));
    }

    @Test
    void everyMemberMayBeLeftToTheDefaults() {
        assertEquals(List.of(), problems(new Backoff(null, null, null)));
    }
}
