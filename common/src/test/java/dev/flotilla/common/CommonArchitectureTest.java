package dev.flotilla.common;

import dev.flotilla.testing.ArchitectureRulesTest;

/** The shared module holds the package rules it asks of every service. */
class CommonArchitectureTest extends ArchitectureRulesTest {
}
