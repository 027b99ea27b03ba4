package dev.flotilla.common;

import dev.flotilla.testing.ServiceContractTest;
import dev.flotilla.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The shared module alone already keeps the contract every service inherits from it. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class CommonContractTest extends ServiceContractTest {
}
