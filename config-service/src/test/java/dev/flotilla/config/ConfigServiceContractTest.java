package dev.flotilla.config;

import dev.flotilla.testing.ServiceContractTest;
import dev.flotilla.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class ConfigServiceContractTest extends ServiceContractTest {
}
