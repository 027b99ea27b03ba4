package dev.flotilla.config;

import dev.flotilla.testing.ArchitectureRulesTest;

/** The suite's package rules, held by this service's code from its first class. */
class ConfigArchitectureTest extends ArchitectureRulesTest {
}
