package dev.flotilla.common.request;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

@QuarkusTest
class EveryPropertyReachableTest {

    @Inject
    ValidatorFactory validation;

    @Test
    void validationDoesNotAskThePersistenceLayerWhetherAPropertyIsLoaded() {
        assertInstanceOf(EveryPropertyReachable.class, validation.getTraversableResolver());
    }
}
