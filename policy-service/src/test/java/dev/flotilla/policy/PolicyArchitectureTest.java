package dev.flotilla.policy;

import dev.flotilla.testing.ArchitectureRulesTest;

/** The suite's package rules, held by policy-service's main classes. */
class PolicyArchitectureTest extends ArchitectureRulesTest {
}
