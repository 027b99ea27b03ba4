package dev.flotilla.search;

import dev.flotilla.testing.ServiceContractTest;
import dev.flotilla.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SearchServiceContractTest extends ServiceContractTest {
}
