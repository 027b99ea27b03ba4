package dev.flotilla.search.collection;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The constraints on field weights, as a request body's validation applies them. */
class FieldWeightsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void positiveWeightsAreValid() {
        assertEquals(List.of(), violations(new FieldWeights(2.0, 0.01)));
    }

    @Test
    void aWeightOf100IsTheMost() {
        assertEquals(List.of(), violations(new FieldWeights(100.0, 1.0)));
        assertEquals(List.of("body: must be at most 100"), violations(new FieldWeights(1.0, 100.5)));
    }

    @Test
    void aZeroWeightIsRefused() {
        assertEquals(List.of("title: must be greater than 0"), violations(new FieldWeights(0.0, 1.0)));
    }

    @Test
    void aNegativeWeightIsRefused() {
        assertEquals(List.of("body: must be greater than 0"), violations(new FieldWeights(1.0, -1.0)));
    }

    @Test
    void aMissingWeightIsRefused() {
        assertEquals(List.of("title"), validator.validate(new FieldWeights(null, 1.0)).stream()
                .map(v -> v.getPropertyPath().toString())
                .toList());
    }

    private static List<String> violations(FieldWeights weights) {
        return validator.validate(weights).stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted()
                .toList();
    }
}
