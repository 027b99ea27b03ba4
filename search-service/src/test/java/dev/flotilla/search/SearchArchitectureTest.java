package dev.flotilla.search;

import dev.flotilla.testing.ArchitectureRulesTest;

/** The package rules every service holds, checked on search-service's main classes. */
class SearchArchitectureTest extends ArchitectureRulesTest {
}
